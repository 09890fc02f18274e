import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis, openRedis } from '../../store/redis.ts';
import type { CounterStore } from './counter-store.ts';
import { createMemoryCounterStore } from './memory-counter-store.ts';
import { createRedisCounterStore } from './redis-counter-store.ts';

const redisUrl = process.env.REDIS_URL;
const redis = redisUrl ? openRedis(redisUrl) : undefined;
afterAll(async () => {
  if (redis) await closeRedis(redis);
});

const clock = { nowMs: Date.UTC(2026, 0, 1) };
const stores: [string, () => CounterStore][] = [
  ['memory', () => createMemoryCounterStore(() => new Date(clock.nowMs))],
];
if (redis) {
  stores.push([
    'redis',
    () => createRedisCounterStore(redis, `spw-test:${randomBytes(6).toString('hex')}:`),
  ]);
}

describe.each(stores)('%s counter store', (_name, create) => {
  it('counts on every counter, or on none when one is full', async () => {
    const store = create();
    const minute = { key: 'm', limit: 3, ttlMs: 60_000, initial: 0 };
    const day = { key: 'd', limit: 2, ttlMs: 60_000, initial: 0 };
    expect(await store.consume([minute, day])).toEqual({ allowed: true, values: [1, 1] });
    expect(await store.consume([minute, day])).toEqual({ allowed: true, values: [2, 2] });
    expect(await store.consume([minute, day])).toEqual({
      allowed: false,
      index: 1,
      values: [2, 2],
    });
    expect(await store.consume([minute])).toEqual({ allowed: true, values: [3] });
    expect(await store.consume([minute])).toEqual({ allowed: false, index: 0, values: [3] });
  });

  it('starts a missing counter from its initial value, and ignores it afterwards', async () => {
    const store = create();
    const day = { key: 'seeded', limit: 10, ttlMs: 60_000, initial: 8 };
    expect(await store.consume([day])).toEqual({ allowed: true, values: [9] });
    expect(await store.consume([{ ...day, initial: 0 }])).toEqual({ allowed: true, values: [10] });
    expect(await store.consume([day])).toEqual({ allowed: false, index: 0, values: [10] });
  });

  it('never overshoots under concurrent consumption', async () => {
    const store = create();
    const counter = { key: 'race', limit: 25, ttlMs: 60_000, initial: 0 };
    const results = await Promise.all(Array.from({ length: 60 }, () => store.consume([counter])));
    expect(results.filter((result) => result.allowed)).toHaveLength(25);
  });

  it('increments unlimited counters', async () => {
    const store = create();
    expect(await store.increment('fails', 60_000)).toBe(1);
    expect(await store.increment('fails', 60_000)).toBe(2);
  });
});

describe('memory counter store expiry', () => {
  it('forgets a counter after its time to live', async () => {
    const store = createMemoryCounterStore(() => new Date(clock.nowMs));
    await store.increment('short', 1_000);
    clock.nowMs += 1_000;
    expect(await store.increment('short', 1_000)).toBe(1);
  });
});
