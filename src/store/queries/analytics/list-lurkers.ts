import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getRollupPlan } from '../../rollups/get-rollup-plan.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

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
 * Counts non-offline snapshots per member first, then drops those with any message, typing or
 * reaction in the guild and window (rollups where whole hours are rolled up, raw rows
 * elsewhere). Ordered by presenceCount descending, then Discord id.
 */
export const listLurkers = async (
  db: Queryable,
  query: AnalyticsQuery,
  minPresence: number,
): Promise<LurkerRow[]> => {
  const plan = await getRollupPlan(db, [query.window], query.now);
  const params = createSqlParams([query.guildId, minPresence, query.limit]);
  const sql = `
    WITH present AS (
      SELECT p."userId", sum(p.online)::int AS n, min(p."firstOnlineAt") AS first,
        max(p."lastOnlineAt") AS last
      FROM (${presencePiecesSql(plan, params, '$1')}) p
      GROUP BY p."userId"
      HAVING sum(p.online) > 0 AND sum(p.online) >= $2
    ), active AS (
      SELECT DISTINCT a."userId"
      FROM (${activityPiecesSql(plan, params, '$1')}) a
      WHERE a."userId" IN (SELECT "userId" FROM present)
    )
    SELECT u."discordId" AS "userId", u.username,
      COALESCE(gm.nick, u."globalName", u.username) AS "displayName",
      p.n AS "presenceCount", p.first AS "firstSeenAt", p.last AS "lastSeenAt"
    FROM present p
    JOIN "User" u ON u.id = p."userId"
    LEFT JOIN "GuildMember" gm ON gm."guildId" = $1 AND gm."userId" = p."userId"
    WHERE p."userId" NOT IN (SELECT "userId" FROM active)
      AND ${notOptedOutSql('u."discordId"', '$1')}
    ORDER BY p.n DESC, u."discordId"
    LIMIT $3`;
  return runAnalyticsQuery<LurkerRow>(db, sql, params.values);
};
