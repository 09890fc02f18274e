import type { Queryable } from '../store/database.ts';
import { listLurkers } from '../store/queries/analytics/list-lurkers.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toWindowJson } from './to-window-json.ts';

/** PRODUCT.md's default for lurkers. */
export const lurkerDefaults = { minPresence: 5 } as const;

export interface Lurker {
  userId: string;
  username: string;
  displayName: string;
  /** Non-offline presence snapshots in the window. */
  presenceCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface LurkersResult {
  guildId: string;
  window: { from: string; to: string };
  items: Lurker[];
}

/**
 * Lurkers (PRODUCT.md analytic 4): members with at least `minPresence` (inclusive) non-offline
 * presence snapshots in the window and no message, typing or reaction (added or removed) in
 * this guild within the same window; activity elsewhere or outside the window does not
 * matter. Most present first, then by Discord id.
 */
export const getLurkers = async (
  db: Queryable,
  query: AnalyticsQuery,
  thresholds: { minPresence: number } = lurkerDefaults,
): Promise<LurkersResult> => {
  const rows = await listLurkers(db, query, thresholds.minPresence);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    items: rows.map((row) => ({
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      presenceCount: row.presenceCount,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
    })),
  };
};
