import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { channelAuthorPairsSql, runOnChannelPairs } from './channel-author-pairs-sql.ts';
import { messagePairsSql } from './message-pairs-sql.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import type { SqlParams } from './sql-params.ts';

/** One channel's activity in the window. */
export interface ChannelActivityRow {
  channelId: string;
  messages: number;
  authors: number;
  typing: number;
}

/** Per channel: "channelId", messages, authors, from ChannelAuthor's pairs and raw counts. */
const writtenFromAuthorsSql = (query: AnalyticsQuery, authorsUntil: Date, params: SqlParams) => {
  const { from, to } = query.window;
  return `SELECT "channelId", w.messages, a.authors
       FROM (SELECT e."channelId", count(*) AS messages
             FROM "Message" e
             WHERE e."guildId" = $1 AND e.timestamp >= ${params.add(from)}
               AND e.timestamp < ${params.add(to)} AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
             GROUP BY 1) w
       FULL JOIN (SELECT p."channelId", count(*) AS authors
                  FROM (${channelAuthorPairsSql(query.window, authorsUntil, params, '$1')}) p
                  GROUP BY 1) a USING ("channelId")`;
};

/** Per channel: "channelId", messages, authors, from the window's member × channel pairs. */
const writtenFromMessagesSql = (query: AnalyticsQuery, params: SqlParams) =>
  `SELECT p."channelId", sum(p.m) AS messages, count(*) AS authors
       FROM (${messagePairsSql(query.window, params, '$1')}) p
       GROUP BY 1`;

/**
 * Per channel: messages, distinct authors and typing events in the window; busiest first
 * (messages, then typing, then channel id), at most `limit` channels.
 */
export const listChannelActivity = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<ChannelActivityRow[]> =>
  // Distinct authors need the window's member × channel pairs (88,247 of 124,134 messages in
  // a week of the 10M benchmark dataset's big guild; ActivityRollup's per-day rows hold about
  // one message each, no fewer). A window ending at or after ChannelAuthor's watermark reads
  // them from it (one row per pair); other windows group the raw messages, through the
  // (guildId, timestamp) indexes, which carry "userId" and "channelId". Messages and typing
  // events are counted per channel from those indexes.
  runOnChannelPairs<ChannelActivityRow>(db, query, (params, authorsUntil) => {
    const written = authorsUntil
      ? writtenFromAuthorsSql(query, authorsUntil, params)
      : writtenFromMessagesSql(query, params);
    const { from, to } = query.window;
    return `WITH written AS (
         ${written}
       ), typed AS (
         SELECT e."channelId", count(*) AS typing
         FROM "TypingEvent" e
         WHERE e."guildId" = $1 AND e.timestamp >= ${params.add(from)} AND e.timestamp < ${params.add(to)}
           AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
         GROUP BY 1
       )
       SELECT "channelId", coalesce(w.messages, 0)::int AS messages,
              coalesce(w.authors, 0)::int AS authors, coalesce(t.typing, 0)::int AS typing
       FROM written w FULL JOIN typed t USING ("channelId")
       ORDER BY 2 DESC, 4 DESC, 1
       LIMIT $2`;
  });
