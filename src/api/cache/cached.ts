import { type AnalyticsCache, toCacheKey } from './analytics-cache.ts';

/** What {@link cached} answers: the value, and whether it came from the cache. */
export interface Cached<T> {
  value: T;
  hit: boolean;
}

/**
 * The cached answer for (guild, route, params), else `compute`'s, stored for next time. A
 * cache that fails is treated as empty: the answer is computed, never refused.
 */
export const cached = async <T>(
  cache: AnalyticsCache,
  log: { warn(details: object, message: string): void },
  key: { guildId: string; route: string; params: Record<string, unknown> },
  compute: () => Promise<T>,
): Promise<Cached<T>> => {
  let fullKey: string | undefined;
  try {
    fullKey = toCacheKey({ ...key, generation: await cache.generation(key.guildId) });
    const found = await cache.get(fullKey);
    if (found !== undefined) return { value: found as T, hit: true };
  } catch (error) {
    log.warn({ err: error }, 'analytics cache unavailable');
  }
  const value = await compute();
  if (fullKey !== undefined) {
    await cache
      .set(fullKey, value)
      .catch((error: unknown) => log.warn({ err: error }, 'analytics cache not written'));
  }
  return { value, hit: false };
};
