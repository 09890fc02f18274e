import type { Logger } from 'pino';
import type { AnalyticsCache } from '../api/cache/analytics-cache.ts';
import { createMemoryAnalyticsCache } from '../api/cache/memory-analytics-cache.ts';
import { createRedisAnalyticsCache } from '../api/cache/redis-analytics-cache.ts';
import type { Config } from '../config/config.ts';
import type { EventBus } from '../live/event-bus.ts';
import { createMemoryEventBus } from '../live/memory-event-bus.ts';
import { createRedisEventBus } from '../live/redis-event-bus.ts';
import type { RedisClient } from '../store/redis.ts';

/** The live-event bus and the analytics cache of a process: shared through Redis when given. */
export interface LiveWiring {
  bus: EventBus;
  analyticsCache: AnalyticsCache | undefined;
}

/** Creates the bus (Redis pub/sub or in-process) and the cache (Redis, LRU, or off at TTL 0). */
export const createLiveWiring = async (
  config: Config,
  redis: RedisClient | undefined,
  log: Logger,
): Promise<LiveWiring> => {
  const onError = (error: unknown) => log.warn({ err: error }, 'live event bus error');
  const bus = redis ? await createRedisEventBus({ redis, onError }) : createMemoryEventBus(onError);
  const ttlSeconds = config.ANALYTICS_CACHE_TTL_SECONDS;
  const analyticsCache =
    ttlSeconds === 0
      ? undefined
      : redis
        ? createRedisAnalyticsCache({ redis, ttlSeconds })
        : createMemoryAnalyticsCache({ ttlSeconds });
  return { bus, analyticsCache };
};
