import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';

/** One channel's activity in the window. */
export interface ChannelActivityRow {
  channelId: string;
  messages: number;
  authors: number;
  typing: number;
}

/**
 * Per channel: messages, distinct authors and typing events in the window; busiest first
 * (messages, then typing, then channel id), at most `limit` channels.
 */
export const listChannelActivity = (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<ChannelActivityRow[]> =>
  db.query<ChannelActivityRow>(
    `WITH m AS (
       SELECT e."channelId", count(*)::int AS messages, count(DISTINCT e."userId")::int AS authors
       FROM "Message" e
       WHERE e."guildId" = $1 AND e.timestamp >= $2 AND e.timestamp < $3
         AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY 1
     ), t AS (
       SELECT e."channelId", count(*)::int AS typing
       FROM "TypingEvent" e
       WHERE e."guildId" = $1 AND e.timestamp >= $2 AND e.timestamp < $3
         AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY 1
     )
     SELECT "channelId", coalesce(m.messages, 0) AS messages, coalesce(m.authors, 0) AS authors,
            coalesce(t.typing, 0) AS typing
     FROM m FULL JOIN t USING ("channelId")
     ORDER BY 2 DESC, 4 DESC, 1
     LIMIT $4`,
    [query.guildId, query.window.from.toISOString(), query.window.to.toISOString(), query.limit],
  );
