import { Redis } from 'ioredis';

/** A Redis connection (ioredis); opened by the composition root and passed in. */
export type RedisClient = Redis;

/** Options for {@link openRedis}. */
export interface RedisOptions {
  /** Shown by `CLIENT LIST`, so an operator can tell the processes apart. */
  name?: string;
}

/**
 * Opens a client for `url` (`redis://` or `rediss://`). It connects on first use, and a
 * command fails after two reconnection attempts instead of waiting forever, so a Redis
 * outage turns into errors a request can answer rather than requests that hang.
 */
export const openRedis = (url: string, options: RedisOptions = {}): RedisClient =>
  new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    ...(options.name === undefined ? {} : { connectionName: options.name }),
  });

/** Closes a client politely (pending replies first), or at once when it is not connected. */
export const closeRedis = async (redis: RedisClient): Promise<void> => {
  if (redis.status === 'end' || redis.status === 'wait') {
    redis.disconnect();
    return;
  }
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
};
