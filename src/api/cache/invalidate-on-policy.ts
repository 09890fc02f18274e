import type { Logger } from 'pino';
import type { PolicySignal } from '../../privacy/policy-signal.ts';
import type { Queryable } from '../../store/database.ts';
import type { AnalyticsCache } from './analytics-cache.ts';

/**
 * Bumps every guild's cache generation when opt-outs or settings change (an opt-out or erasure
 * is global, and cheap to over-invalidate), so an erased member is not served from the cache
 * until it expires. Returns a function that stops listening.
 */
export const invalidateOnPolicy = (
  signal: PolicySignal,
  cache: AnalyticsCache,
  db: Queryable,
  log: Logger,
): (() => void) =>
  signal.subscribe(async () => {
    const guilds = await db.query<{ id: string }>(`SELECT id FROM "Guild"`);
    await Promise.all(guilds.map((guild) => cache.bump(guild.id))).catch((error: unknown) =>
      log.warn({ err: error }, 'analytics cache not invalidated after a privacy change'),
    );
  });
