import type { Queryable } from '../store/database.ts';
import { type GhostThresholds, listGhosts } from '../store/queries/analytics/list-ghosts.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toGhostScore } from './ghost-score.ts';
import { toWindowJson } from './to-window-json.ts';

/** PRODUCT.md's defaults for ghosts. */
export const ghostDefaults: GhostThresholds = { minPresence: 30, maxMessages: 10 };

export interface Ghost {
  userId: string;
  username: string;
  displayName: string;
  ghostScore: number;
  presenceCount: number;
  messageCount: number;
  /** Typing that never became a message is a signal of its own. */
  typingCount: number;
}

export interface GhostsResult {
  guildId: string;
  window: { from: string; to: string };
  items: Ghost[];
}

/**
 * Ghosts (PRODUCT.md analytic 3): members with at least `minPresence` non-offline presence
 * snapshots and at most `maxMessages` messages in the window, by
 * `ghostScore = presenceCount / (messageCount + 1)` (rounded to 2 decimals) descending, then
 * Discord id. Both thresholds are inclusive. Deleted messages still count: they were sent.
 */
export const getGhosts = async (
  db: Queryable,
  query: AnalyticsQuery,
  thresholds: GhostThresholds = ghostDefaults,
): Promise<GhostsResult> => {
  const rows = await listGhosts(db, query, thresholds);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    items: rows.map((row) => ({
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      ghostScore: toGhostScore(row.presenceCount, row.messageCount),
      presenceCount: row.presenceCount,
      messageCount: row.messageCount,
      typingCount: row.typingCount,
    })),
  };
};
