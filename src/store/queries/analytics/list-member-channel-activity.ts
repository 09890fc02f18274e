import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { toRawPlan } from '../../rollups/plan-rollup-ranges.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

/** Messages of one member in one channel, with both totals, for the member × channel matrix. */
export interface MemberChannelActivityRow {
  userId: string;
  username: string;
  displayName: string;
  channelId: string;
  count: number;
  memberTotal: number;
  channelTotal: number;
}

/**
 * Messages per member per channel, restricted to the `limit` most active members and the
 * `limit` busiest channels of the window (ties broken by Discord id, then channel id).
 */
export const listMemberChannelActivity = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<MemberChannelActivityRow[]> => {
  // Per member × channel × bucket, ActivityRollup holds about one event per row on the 10M
  // benchmark dataset, and reading it measured slower than the raw (guildId, timestamp) scans.
  const plan = toRawPlan([query.window]);
  const params = createSqlParams([query.guildId, query.limit]);
  return runAnalyticsQuery<MemberChannelActivityRow>(
    db,
    `WITH base AS (
       SELECT a."userId", a."channelId", sum(a.messages)::int AS n
       FROM (${activityPiecesSql(plan, params, '$1')}) a
       WHERE a.messages > 0 AND a."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY 1, 2
     ), members AS (
       SELECT b."userId", u."discordId", u.username,
              coalesce(u."globalName", u.username) AS "displayName", sum(b.n)::int AS total
       FROM base b JOIN "User" u ON u.id = b."userId"
       GROUP BY 1, 2, 3, 4
       ORDER BY total DESC, u."discordId" LIMIT $2
     ), channels AS (
       SELECT "channelId", sum(n)::int AS total FROM base GROUP BY 1
       ORDER BY total DESC, "channelId" LIMIT $2
     )
     SELECT m."discordId" AS "userId", m.username, m."displayName", b."channelId", b.n AS count,
            m.total AS "memberTotal", c.total AS "channelTotal"
     FROM base b JOIN members m USING ("userId") JOIN channels c USING ("channelId")
     ORDER BY m.total DESC, m."discordId", c.total DESC, b."channelId"`,
    params.values,
  );
};
