import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getRollupPlan } from '../../rollups/get-rollup-plan.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

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
 * messages and typing for those members only; both from rollups where the window covers whole
 * rolled-up hours, from raw rows elsewhere. Ordered by ghostScore, then Discord id.
 */
export const listGhosts = async (
  db: Queryable,
  query: AnalyticsQuery,
  thresholds: GhostThresholds,
): Promise<GhostRow[]> => {
  const plan = await getRollupPlan(db, [query.window], query.now);
  const params = createSqlParams([
    query.guildId,
    thresholds.minPresence,
    thresholds.maxMessages,
    query.limit,
  ]);
  const sql = `
    WITH present AS (
      SELECT p."userId", sum(p.online)::int AS n
      FROM (${presencePiecesSql(plan, params, '$1')}) p
      GROUP BY p."userId"
      HAVING sum(p.online) > 0 AND sum(p.online) >= $2
    ), activity AS (
      SELECT a."userId", sum(a.messages)::int AS messages, sum(a.typing)::int AS typing
      FROM (${activityPiecesSql(plan, params, '$1')}) a
      WHERE a."userId" IN (SELECT "userId" FROM present)
      GROUP BY a."userId"
    )
    SELECT u."discordId" AS "userId", u.username,
      COALESCE(gm.nick, u."globalName", u.username) AS "displayName",
      p.n AS "presenceCount", COALESCE(a.messages, 0) AS "messageCount",
      COALESCE(a.typing, 0) AS "typingCount"
    FROM present p
    JOIN "User" u ON u.id = p."userId"
    LEFT JOIN "GuildMember" gm ON gm."guildId" = $1 AND gm."userId" = p."userId"
    LEFT JOIN activity a ON a."userId" = p."userId"
    WHERE COALESCE(a.messages, 0) <= $3 AND ${notOptedOutSql('u."discordId"', '$1')}
    ORDER BY p.n::float8 / (COALESCE(a.messages, 0) + 1) DESC, u."discordId"
    LIMIT $4`;
  return runAnalyticsQuery<GhostRow>(db, sql, params.values);
};
