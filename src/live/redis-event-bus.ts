import type { RedisClient } from '../store/redis.ts';
import type { EventBus } from './event-bus.ts';
import type { LiveEvent } from './live-event.ts';
import { deliver } from './memory-event-bus.ts';
import { parseLiveEvent } from './parse-live-event.ts';

/** Options of {@link createRedisEventBus}. */
export interface RedisEventBusOptions {
  /** A connection for publishing; the bus opens its own duplicate for subscribing. */
  redis: RedisClient;
  /** The pub/sub channel; processes that should see each other's events share it. */
  channel?: string;
  onError?: (error: unknown) => void;
}

/**
 * A bus over Redis pub/sub, so events committed by one process reach the WebSocket
 * subscribers of every process. A publisher receives its own events through Redis too,
 * which keeps delivery the same for local and remote listeners.
 */
export const createRedisEventBus = async (options: RedisEventBusOptions): Promise<EventBus> => {
  const channel = options.channel ?? 'spw:live';
  const onError = options.onError ?? (() => {});
  const listeners = new Set<(event: LiveEvent) => void>();
  // A subscribed connection can run no other command, hence a connection of its own.
  const subscriber = options.redis.duplicate();
  subscriber.on('error', onError);
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    const event = parseLiveEvent(text);
    if (event) deliver([...listeners], event, onError);
  });
  await subscriber.subscribe(channel);
  return {
    publish: async (event) => {
      await options.redis.publish(channel, JSON.stringify(event));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      subscriber.disconnect();
    },
  };
};
