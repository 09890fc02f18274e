import { decideConsume } from '../../access/decide-consume.ts';
import type { Counter, CounterStore } from './counter-store.ts';

interface Entry {
  value: number;
  expiresAtMs: number;
}

/** Expired counters are swept after this many operations, so memory stays bounded. */
const SWEEP_EVERY = 10_000;

/** A {@link CounterStore} in this process's memory: right for one API process. */
export const createMemoryCounterStore = (now: () => Date): CounterStore => {
  const entries = new Map<string, Entry>();
  let operations = 0;
  const read = (key: string, nowMs: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAtMs <= nowMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const sweep = (nowMs: number) => {
    operations += 1;
    if (operations % SWEEP_EVERY !== 0) return;
    for (const [key, entry] of entries) if (entry.expiresAtMs <= nowMs) entries.delete(key);
  };
  const add = (counter: Pick<Counter, 'key' | 'ttlMs' | 'initial'>, nowMs: number): number => {
    const entry = read(counter.key, nowMs);
    if (entry) {
      entry.value += 1;
      return entry.value;
    }
    const created = { value: counter.initial + 1, expiresAtMs: nowMs + counter.ttlMs };
    entries.set(counter.key, created);
    return created.value;
  };
  return {
    async consume(counters) {
      const nowMs = now().getTime();
      sweep(nowMs);
      const values = counters.map((counter) => read(counter.key, nowMs)?.value ?? counter.initial);
      const decision = decideConsume(
        counters.map((counter, index) => ({ value: values[index] ?? 0, limit: counter.limit })),
      );
      if (decision.type === 'refuse') return { allowed: false, index: decision.index, values };
      return { allowed: true, values: counters.map((counter) => add(counter, nowMs)) };
    },
    async increment(key, ttlMs) {
      const nowMs = now().getTime();
      sweep(nowMs);
      return add({ key, ttlMs, initial: 0 }, nowMs);
    },
  };
};
