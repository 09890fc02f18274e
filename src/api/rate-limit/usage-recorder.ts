import type { Logger } from 'pino';
import {
  type QuotaUsageDelta,
  touchApiKeys,
  upsertQuotaUsage,
} from '../../store/access/upsert-quota-usage.ts';
import type { Database } from '../../store/database.ts';

/** How often counted requests are written to QuotaUsage (and keys' `lastUsedAt`). */
export const USAGE_FLUSH_INTERVAL_MS = 5_000;

/**
 * QuotaUsage, the durable record, written in batches: one upsert per flush instead of one
 * write per request. Live limits come from the counters; this record seeds them and answers
 * the usage endpoint.
 */
export interface UsageRecorder {
  record(entry: { apiKeyId: string; endpoint: string; date: string; at: Date }): void;
  /** Writes what is pending; concurrent calls share one write. */
  flush(): Promise<void>;
  /** Stops the timer after a last flush. */
  close(): Promise<void>;
}

const keyOf = (delta: Omit<QuotaUsageDelta, 'count'>) =>
  `${delta.apiKeyId}\u0000${delta.endpoint}\u0000${delta.date}`;

/** A recorder flushing every `flushIntervalMs` (and on demand); a failed write is retried later. */
export const createUsageRecorder = (deps: {
  db: Database;
  log: Logger;
  flushIntervalMs?: number;
}): UsageRecorder => {
  let pending = new Map<string, QuotaUsageDelta>();
  let lastUsed = new Map<string, Date>();
  let running: Promise<void> = Promise.resolve();

  const restore = (deltas: Map<string, QuotaUsageDelta>, used: Map<string, Date>) => {
    for (const [key, delta] of deltas) {
      const current = pending.get(key);
      if (current) current.count += delta.count;
      else pending.set(key, delta);
    }
    for (const [id, at] of used) if (!lastUsed.has(id)) lastUsed.set(id, at);
  };

  const write = async () => {
    if (pending.size === 0 && lastUsed.size === 0) return;
    const deltas = pending;
    const used = lastUsed;
    pending = new Map();
    lastUsed = new Map();
    try {
      await deps.db.transaction(async (tx) => {
        await upsertQuotaUsage(tx, [...deltas.values()]);
        await touchApiKeys(
          tx,
          [...used].map(([apiKeyId, at]) => ({ apiKeyId, at })),
        );
      });
    } catch (error) {
      restore(deltas, used);
      deps.log.warn({ err: error }, 'writing API key usage failed; will retry');
    }
  };

  const flush = () => {
    running = running.then(write);
    return running;
  };
  const timer = setInterval(() => void flush(), deps.flushIntervalMs ?? USAGE_FLUSH_INTERVAL_MS);
  timer.unref();

  return {
    record(entry) {
      const delta = { apiKeyId: entry.apiKeyId, endpoint: entry.endpoint, date: entry.date };
      const key = keyOf(delta);
      const current = pending.get(key);
      if (current) current.count += 1;
      else pending.set(key, { ...delta, count: 1 });
      const seen = lastUsed.get(entry.apiKeyId);
      if (!seen || seen < entry.at) lastUsed.set(entry.apiKeyId, entry.at);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
};
