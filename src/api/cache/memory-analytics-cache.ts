import type { AnalyticsCache } from './analytics-cache.ts';

/** Options of {@link createMemoryAnalyticsCache}. */
export interface MemoryAnalyticsCacheOptions {
  ttlSeconds: number;
  /** Answers kept at most; the least recently used goes first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * The cache of a single process: a Map in least-recently-used order (a read moves the entry
 * to the end), bounded in entries, each entry expiring after the TTL.
 */
export const createMemoryAnalyticsCache = (
  options: MemoryAnalyticsCacheOptions,
): AnalyticsCache => {
  const maxEntries = options.maxEntries ?? 1_000;
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlSeconds * 1_000;
  const entries = new Map<string, { value: unknown; expiresAtMs: number }>();
  const generations = new Map<string, number>();
  return {
    ttlSeconds: options.ttlSeconds,
    generation: async (guildId) => String(generations.get(guildId) ?? 0),
    bump: async (guildId) => {
      generations.set(guildId, (generations.get(guildId) ?? 0) + 1);
    },
    get: async (key) => {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAtMs <= now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set: async (key, value) => {
      entries.delete(key);
      entries.set(key, { value, expiresAtMs: now() + ttlMs });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
  };
};
