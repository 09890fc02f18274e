import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { clientPlatforms, isPlatformOnlineSql } from './client-platforms-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';

/** The overview's counts: current membership and presence, and activity in the window. */
export interface OverviewCountsRow {
  membersTracked: number;
  onlineNow: number;
  multiClientNow: number;
  messageCount: number;
  activeMembers: number;
}

/**
 * "Now" comes from GuildMember (each member's current presence, kept by the ingest), so it
 * needs no scan of history. Window counts go through the (guildId, timestamp) indexes; active
 * members are the distinct authors of messages, typing and reactions.
 */
const GET_OVERVIEW_COUNTS = `
  WITH current AS (
    SELECT gm.status, ${clientPlatforms
      .map((name) => `(${isPlatformOnlineSql('gm."clientStatus"', name)})::int`)
      .join(' + ')} AS platforms
    FROM "GuildMember" gm
    JOIN "User" u ON u.id = gm."userId"
    WHERE gm."guildId" = $1 AND gm."leftAt" IS NULL
      AND ${notOptedOutSql('u."discordId"', '$1')}
  ), activity AS (
    SELECT m."userId", 1 AS message FROM "Message" m
    WHERE m."guildId" = $1 AND m.timestamp >= $2 AND m.timestamp < $3
    UNION ALL
    SELECT t."userId", 0 FROM "TypingEvent" t
    WHERE t."guildId" = $1 AND t.timestamp >= $2 AND t.timestamp < $3
    UNION ALL
    SELECT r."userId", 0 FROM "ReactionEvent" r
    WHERE r."guildId" = $1 AND r.timestamp >= $2 AND r.timestamp < $3
  ), per_member AS (
    SELECT a."userId", sum(a.message) AS messages FROM activity a GROUP BY a."userId"
  ), window_counts AS (
    SELECT COALESCE(sum(a.messages), 0)::int AS messages, count(*)::int AS active
    FROM per_member a
    JOIN "User" u ON u.id = a."userId"
    WHERE ${notOptedOutSql('u."discordId"', '$1')}
  )
  SELECT
    (SELECT count(*)::int FROM current) AS "membersTracked",
    (SELECT count(*)::int FROM current WHERE status <> 'offline') AS "onlineNow",
    (SELECT count(*)::int FROM current WHERE status <> 'offline' AND platforms >= 2)
      AS "multiClientNow",
    w.messages AS "messageCount", w.active AS "activeMembers"
  FROM window_counts w`;

/** The counts behind the overview (PRODUCT.md analytic 1). */
export const getOverviewCounts = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<OverviewCountsRow> => {
  const [row] = await db.query<OverviewCountsRow>(GET_OVERVIEW_COUNTS, [
    query.guildId,
    query.window.from,
    query.window.to,
  ]);
  if (!row) throw new Error('The overview query returned no row.');
  return row;
};
