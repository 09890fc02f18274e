import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { notOptedOutSql } from './opted-out-sql.ts';

/** One ghost candidate: counts in the window, before scoring. */
export interface GhostRow {
  userId: string;
  username: string;
  displayName: string;
  presenceCount: number;
  messageCount: number;
  typingCount: number;
}

export interface GhostThresholds {
  minPresence: number;
  maxMessages: number;
}

/**
 * Presence is counted first (only members with enough non-offline snapshots survive), then
 * messages and typing are counted for those members only, through the (guildId, timestamp)
 * indexes. Ordered by ghostScore, then Discord id.
 */
const LIST_GHOSTS = `
  WITH present AS (
    SELECT p."userId", count(*)::int AS n
    FROM "Presence" p
    WHERE p."guildId" = $1 AND p.timestamp >= $2 AND p.timestamp < $3 AND p.status <> 'offline'
    GROUP BY p."userId"
    HAVING count(*) >= $4
  ), messages AS (
    SELECT m."userId", count(*)::int AS n
    FROM "Message" m
    WHERE m."guildId" = $1 AND m.timestamp >= $2 AND m.timestamp < $3
      AND m."userId" IN (SELECT "userId" FROM present)
    GROUP BY m."userId"
  ), typing AS (
    SELECT t."userId", count(*)::int AS n
    FROM "TypingEvent" t
    WHERE t."guildId" = $1 AND t.timestamp >= $2 AND t.timestamp < $3
      AND t."userId" IN (SELECT "userId" FROM present)
    GROUP BY t."userId"
  )
  SELECT u."discordId" AS "userId", u.username,
    COALESCE(gm.nick, u."globalName", u.username) AS "displayName",
    p.n AS "presenceCount", COALESCE(m.n, 0) AS "messageCount", COALESCE(t.n, 0) AS "typingCount"
  FROM present p
  JOIN "User" u ON u.id = p."userId"
  LEFT JOIN "GuildMember" gm ON gm."guildId" = $1 AND gm."userId" = p."userId"
  LEFT JOIN messages m ON m."userId" = p."userId"
  LEFT JOIN typing t ON t."userId" = p."userId"
  WHERE COALESCE(m.n, 0) <= $5 AND ${notOptedOutSql('u."discordId"', '$1')}
  ORDER BY p.n::float8 / (COALESCE(m.n, 0) + 1) DESC, u."discordId"
  LIMIT $6`;

/** Members present but silent in the window (PRODUCT.md analytic 3), unscored. */
export const listGhosts = (
  db: Queryable,
  query: AnalyticsQuery,
  thresholds: GhostThresholds,
): Promise<GhostRow[]> =>
  db.query<GhostRow>(LIST_GHOSTS, [
    query.guildId,
    query.window.from,
    query.window.to,
    thresholds.minPresence,
    thresholds.maxMessages,
    query.limit,
  ]);
