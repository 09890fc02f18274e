import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';

/** How many distinct channels a member wrote in during the window. */
export interface ChannelDiversityRow {
  userId: string;
  username: string;
  displayName: string;
  channels: number;
  messages: number;
}

/**
 * Per member who wrote in the window: distinct channels messaged in and messages; most
 * channels first (then most messages, then Discord id), at most `limit` members.
 */
export const listChannelDiversity = (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<ChannelDiversityRow[]> =>
  db.query<ChannelDiversityRow>(
    `WITH per AS (
       SELECT e."userId", count(DISTINCT e."channelId")::int AS channels, count(*)::int AS messages
       FROM "Message" e
       WHERE e."guildId" = $1 AND e.timestamp >= $2 AND e.timestamp < $3
         AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY 1
     )
     SELECT u."discordId" AS "userId", u.username,
            coalesce(u."globalName", u.username) AS "displayName", per.channels, per.messages
     FROM per JOIN "User" u ON u.id = per."userId"
     ORDER BY per.channels DESC, per.messages DESC, u."discordId"
     LIMIT $4`,
    [query.guildId, query.window.from.toISOString(), query.window.to.toISOString(), query.limit],
  );
