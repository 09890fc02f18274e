import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
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
  // Raw messages through the (guildId, timestamp) index (see listChannelActivity), in one pass
  // that totals them per member and per channel (GROUPING SETS: no member × channel pairs);
  // the pairs are counted for the `limit` members listed only, through the per-member index.
  // Members are ranked before they are named: only the first `limit` (with ties) are joined
  // to User.
  const params = createSqlParams([query.guildId, query.limit]);
  const from = params.add(query.window.from);
  const to = params.add(query.window.to);
  const window = `e.timestamp >= ${from} AND e.timestamp < ${to}`;
  return runAnalyticsQuery<MemberChannelActivityRow>(
    db,
    `WITH sums AS MATERIALIZED (
       SELECT e."userId", e."channelId", count(*)::int AS total
       FROM "Message" e
       WHERE e."guildId" = $1 AND ${window} AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY GROUPING SETS ((e."userId"), (e."channelId"))
     ), members AS (
       SELECT t."userId", u."discordId", u.username,
              coalesce(u."globalName", u.username) AS "displayName", t.total
       FROM (SELECT "userId", total FROM sums WHERE "userId" IS NOT NULL
             ORDER BY total DESC FETCH FIRST $2 ROWS WITH TIES) t
       JOIN "User" u ON u.id = t."userId"
       ORDER BY t.total DESC, u."discordId" LIMIT $2
     ), channels AS (
       SELECT "channelId", total FROM sums WHERE "channelId" IS NOT NULL
       ORDER BY total DESC, "channelId" LIMIT $2
     ), pairs AS (
       SELECT e."userId", e."channelId", count(*)::int AS n
       FROM "Message" e
       WHERE e."userId" IN (SELECT "userId" FROM members) AND e."guildId" = $1 AND ${window}
       GROUP BY 1, 2
     )
     SELECT m."discordId" AS "userId", m.username, m."displayName", p."channelId", p.n AS count,
            m.total AS "memberTotal", c.total AS "channelTotal"
     FROM pairs p JOIN members m USING ("userId") JOIN channels c USING ("channelId")
     ORDER BY m.total DESC, m."discordId", c.total DESC, p."channelId"`,
    params.values,
    { indexOnly: true },
  );
};
