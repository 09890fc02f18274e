import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';

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
export const listMemberChannelActivity = (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<MemberChannelActivityRow[]> =>
  db.query<MemberChannelActivityRow>(
    `WITH base AS (
       SELECT e."userId", e."channelId", count(*)::int AS n
       FROM "Message" e
       WHERE e."guildId" = $1 AND e.timestamp >= $2 AND e.timestamp < $3
         AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY 1, 2
     ), members AS (
       SELECT b."userId", u."discordId", u.username,
              coalesce(u."globalName", u.username) AS "displayName", sum(b.n)::int AS total
       FROM base b JOIN "User" u ON u.id = b."userId"
       GROUP BY 1, 2, 3, 4
       ORDER BY total DESC, u."discordId" LIMIT $4
     ), channels AS (
       SELECT "channelId", sum(n)::int AS total FROM base GROUP BY 1
       ORDER BY total DESC, "channelId" LIMIT $4
     )
     SELECT m."discordId" AS "userId", m.username, m."displayName", b."channelId", b.n AS count,
            m.total AS "memberTotal", c.total AS "channelTotal"
     FROM base b JOIN members m USING ("userId") JOIN channels c USING ("channelId")
     ORDER BY m.total DESC, m."discordId", c.total DESC, b."channelId"`,
    [query.guildId, query.window.from.toISOString(), query.window.to.toISOString(), query.limit],
  );
