import type { RedisClient } from '../../store/redis.ts';
import type { AnalyticsCache } from './analytics-cache.ts';

/** Options of {@link createRedisAnalyticsCache}. */
export interface RedisAnalyticsCacheOptions {
  redis: RedisClient;
  ttlSeconds: number;
  /** Keys start with it; tests use their own so parallel files do not meet. */
  keyPrefix?: string;
}

/**
 * The cache shared by every API process. Generations are Redis counters, so a bump by any
 * process (each bumps on the committed events it receives) changes the keys for all; the
 * memory bound is Redis's own (`maxmemory` with an LRU policy), the TTL keeps it small.
 */
export const createRedisAnalyticsCache = (options: RedisAnalyticsCacheOptions): AnalyticsCache => {
  const { redis, ttlSeconds } = options;
  const prefix = options.keyPrefix ?? 'spw:cache:';
  return {
    ttlSeconds,
    generation: async (guildId) => (await redis.get(`${prefix}gen:${guildId}`)) ?? '0',
    bump: async (guildId) => {
      await redis.incr(`${prefix}gen:${guildId}`);
    },
    get: async (key) => {
      const text = await redis.get(`${prefix}${key}`);
      return text === null ? undefined : (JSON.parse(text) as unknown);
    },
    set: async (key, value) => {
      await redis.set(`${prefix}${key}`, JSON.stringify(value), 'EX', ttlSeconds);
    },
  };
};
