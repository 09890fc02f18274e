import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getTotalsPlans } from '../../rollups/get-rollup-plan.ts';
import { GUILD_COUNTS_STATE_NAME, getRolledUntil } from '../../rollups/rollup-state.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { channelCountsSql } from './channel-counts-sql.ts';
import { memberSumsSql, memberTotalsSql, totalsEndsSql } from './member-totals-sql.ts';
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
  // Members' messages as the other per-member analytics read them (the running or trailing
  // totals plus the window's ends, see memberSumsSql): the default window is one row per member
  // instead of a 25,000-group hash over the window's 124,134 raw messages (benchmark dataset).
  // Channels' messages from their hourly counts and the window's ends (channelCountsSql); the
  // pairs are counted for the `limit` members listed only, through the per-member index.
  // Members are ranked before they are named: only the first `limit` (with ties) are joined to
  // User.
  const [[plan], countedUntil] = await Promise.all([
    getTotalsPlans(db, query.guildId, [query.window]),
    getRolledUntil(db, GUILD_COUNTS_STATE_NAME),
  ]);
  if (!plan) throw new Error('No plan for the window.');
  const params = createSqlParams([query.guildId, query.limit]);
  const from = params.add(query.window.from);
  const to = params.add(query.window.to);
  const window = `e.timestamp >= ${from} AND e.timestamp < ${to}`;
  const messages = memberSumsSql(
    plan.totals ? memberTotalsSql(plan.totals, params, '$1', ['messages']) : '',
    totalsEndsSql(
      plan,
      (rest, sign) => `SELECT a."userId", ${sign}a.messages AS messages
      FROM (${activityPiecesSql(rest, params, '$1')}) a WHERE a.messages <> 0`,
    ),
    ['messages'],
  );
  return runAnalyticsQuery<MemberChannelActivityRow>(
    db,
    `WITH members AS (
       SELECT t."userId", u."discordId", u.username,
              coalesce(u."globalName", u.username) AS "displayName", t.total
       FROM (SELECT s."userId", s.messages AS total FROM (${messages}) s
             WHERE s.messages > 0 AND s."userId" NOT IN ${optedOutUserIdsSql('$1')}
             ORDER BY s.messages DESC FETCH FIRST $2 ROWS WITH TIES) t
       JOIN "User" u ON u.id = t."userId"
       ORDER BY t.total DESC, u."discordId" LIMIT $2
     ), channels AS (
       SELECT c."channelId", c.n::int AS total
       FROM (${channelCountsSql('messages', query.window, countedUntil, params, '$1')}) c
       ORDER BY total DESC, c."channelId" LIMIT $2
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
