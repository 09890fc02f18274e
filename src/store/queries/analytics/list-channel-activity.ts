import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { channelAuthorPairsSql, runOnChannelPairs } from './channel-author-pairs-sql.ts';
import { channelCountsSql } from './channel-counts-sql.ts';
import { messagePairsSql } from './message-pairs-sql.ts';
import type { SqlParams } from './sql-params.ts';

/** One channel's activity in the window. */
export interface ChannelActivityRow {
  channelId: string;
  messages: number;
  authors: number;
  typing: number;
}

/**
 * Per channel: "channelId", messages, authors, from the channels' hourly counts and
 * ChannelAuthor's pairs.
 */
const writtenFromAuthorsSql = (
  query: AnalyticsQuery,
  authorsUntil: Date,
  countedUntil: Date | null,
  params: SqlParams,
) =>
  `SELECT "channelId", w.n AS messages, a.authors
       FROM (${channelCountsSql('messages', query.window, countedUntil, params, '$1')}) w
       FULL JOIN (SELECT p."channelId", count(*) AS authors
                  FROM (${channelAuthorPairsSql(query.window, authorsUntil, params, '$1')}) p
                  GROUP BY 1) a USING ("channelId")`;

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
  // them from it (one row per pair), and its messages from the channels' hourly counts; other
  // windows group the raw messages, through the (guildId, timestamp) indexes, which carry
  // "userId" and "channelId", and count messages from those pairs. Typing events are counted
  // per channel from the hourly counts.
  runOnChannelPairs<ChannelActivityRow>(db, query, (params, authorsUntil, countedUntil) => {
    const written = authorsUntil
      ? writtenFromAuthorsSql(query, authorsUntil, countedUntil, params)
      : writtenFromMessagesSql(query, params);
    return `WITH written AS (
         ${written}
       ), typed AS (
         SELECT c."channelId", c.n AS typing
         FROM (${channelCountsSql('typing', query.window, countedUntil, params, '$1')}) c
       )
       SELECT "channelId", coalesce(w.messages, 0)::int AS messages,
              coalesce(w.authors, 0)::int AS authors, coalesce(t.typing, 0)::int AS typing
       FROM written w FULL JOIN typed t USING ("channelId")
       ORDER BY 2 DESC, 4 DESC, 1
       LIMIT $2`;
  });
