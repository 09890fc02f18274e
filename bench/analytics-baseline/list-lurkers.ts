import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { notOptedOutSql } from './opted-out-sql.ts';

/** A lurker: seen online often enough in the window, never active there. */
export interface LurkerRow {
  userId: string;
  username: string;
  displayName: string;
  presenceCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/**
 * Counts non-offline snapshots per member first, then keeps those with no message, typing or
 * reaction in the guild and window (`NOT EXISTS` per surviving member, through the
 * (userId, timestamp) indexes). Ordered by presenceCount descending, then Discord id.
 */
const LIST_LURKERS = `
  WITH present AS (
    SELECT p."userId", count(*)::int AS n, min(p.timestamp) AS first, max(p.timestamp) AS last
    FROM "Presence" p
    WHERE p."guildId" = $1 AND p.timestamp >= $2 AND p.timestamp < $3 AND p.status <> 'offline'
    GROUP BY p."userId"
    HAVING count(*) >= $4
  )
  SELECT u."discordId" AS "userId", u.username,
    COALESCE(gm.nick, u."globalName", u.username) AS "displayName",
    p.n AS "presenceCount", p.first AS "firstSeenAt", p.last AS "lastSeenAt"
  FROM present p
  JOIN "User" u ON u.id = p."userId"
  LEFT JOIN "GuildMember" gm ON gm."guildId" = $1 AND gm."userId" = p."userId"
  WHERE NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."userId" = p."userId"
      AND m."guildId" = $1 AND m.timestamp >= $2 AND m.timestamp < $3)
    AND NOT EXISTS (SELECT 1 FROM "TypingEvent" t WHERE t."userId" = p."userId"
      AND t."guildId" = $1 AND t.timestamp >= $2 AND t.timestamp < $3)
    AND NOT EXISTS (SELECT 1 FROM "ReactionEvent" r WHERE r."userId" = p."userId"
      AND r."guildId" = $1 AND r.timestamp >= $2 AND r.timestamp < $3)
    AND ${notOptedOutSql('u."discordId"', '$1')}
  ORDER BY p.n DESC, u."discordId"
  LIMIT $5`;

/** Members seen online at least `minPresence` times with no activity (PRODUCT.md analytic 4). */
export const listLurkers = (
  db: Queryable,
  query: AnalyticsQuery,
  minPresence: number,
): Promise<LurkerRow[]> =>
  db.query<LurkerRow>(LIST_LURKERS, [
    query.guildId,
    query.window.from,
    query.window.to,
    minPresence,
    query.limit,
  ]);
