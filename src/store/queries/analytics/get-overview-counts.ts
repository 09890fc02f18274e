import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { toRawPlan } from '../../rollups/plan-rollup-ranges.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { clientPlatforms, isPlatformOnlineSql } from './client-platforms-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

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
const overviewCountsSql = (activity: string) => `
  WITH current AS (
    SELECT gm.status, ${clientPlatforms
      .map((name) => `(${isPlatformOnlineSql('gm."clientStatus"', name)})::int`)
      .join(' + ')} AS platforms
    FROM "GuildMember" gm
    JOIN "User" u ON u.id = gm."userId"
    WHERE gm."guildId" = $1 AND gm."leftAt" IS NULL
      AND ${notOptedOutSql('u."discordId"', '$1')}
  ), per_member AS (
    SELECT a."userId", sum(a.messages) AS messages FROM (${activity}) a GROUP BY a."userId"
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
  // Per member × channel × bucket, ActivityRollup holds about one event per row on the 10M
  // benchmark dataset, and reading it measured slower than the raw (guildId, timestamp) scans.
  const plan = toRawPlan([query.window]);
  const params = createSqlParams([query.guildId]);
  const sql = overviewCountsSql(activityPiecesSql(plan, params, '$1'));
  const [row] = await runAnalyticsQuery<OverviewCountsRow>(db, sql, params.values);
  if (!row) throw new Error('The overview query returned no row.');
  return row;
};
