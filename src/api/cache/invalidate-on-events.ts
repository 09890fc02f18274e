import type { EventBus } from '../../live/event-bus.ts';
import type { AnalyticsCache } from './analytics-cache.ts';

/**
 * Bumps a guild's cache generation whenever the ingest reports committed data for it, so
 * analytics answers never outlive new data of their guild by more than the bus's delay.
 * Returns the unsubscribe function.
 */
export const invalidateOnEvents = (
  bus: EventBus,
  cache: AnalyticsCache,
  log: { warn(details: object, message: string): void },
): (() => void) =>
  bus.subscribe((event) => {
    if (event.type !== 'events') return;
    cache
      .bump(event.guildId)
      .catch((error: unknown) => log.warn({ err: error }, 'analytics cache not invalidated'));
  });
