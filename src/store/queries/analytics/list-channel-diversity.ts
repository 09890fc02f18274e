import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { channelAuthorPairsSql, runOnChannelPairs } from './channel-author-pairs-sql.ts';
import { messagePairsSql } from './message-pairs-sql.ts';
import type { SqlParams } from './sql-params.ts';

/** How many distinct channels a member wrote in during the window. */
export interface ChannelDiversityRow {
  userId: string;
  username: string;
  displayName: string;
  channels: number;
  messages: number;
}

/**
 * The first `limit` members by channels (with ties), with "userId", channels, messages: from
 * ChannelAuthor's pairs, the messages counted afterwards for those members only (through the
 * per-member index).
 */
const topFromAuthorsSql = (query: AnalyticsQuery, authorsUntil: Date, params: SqlParams) => {
  const pairs = channelAuthorPairsSql(query.window, authorsUntil, params, '$1');
  const { from, to } = query.window;
  return `SELECT t."userId", t.channels,
         (SELECT count(*) FROM "Message" e
          WHERE e."userId" = t."userId" AND e."guildId" = $1
            AND e.timestamp >= ${params.add(from)} AND e.timestamp < ${params.add(to)})::int AS messages
       FROM (SELECT p."userId", count(*)::int AS channels FROM (${pairs}) p
             GROUP BY 1 ORDER BY 2 DESC FETCH FIRST $2 ROWS WITH TIES) t`;
};

/** The first `limit` members by channels then messages (with ties), from the raw pairs. */
const topFromMessagesSql = (query: AnalyticsQuery, params: SqlParams) =>
  `SELECT p."userId", count(*)::int AS channels, sum(p.m)::int AS messages
       FROM (${messagePairsSql(query.window, params, '$1')}) p
       GROUP BY 1 ORDER BY 2 DESC, 3 DESC FETCH FIRST $2 ROWS WITH TIES`;

/**
 * Per member who wrote in the window: distinct channels messaged in and messages; most
 * channels first (then most messages, then Discord id), at most `limit` members.
 */
export const listChannelDiversity = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<ChannelDiversityRow[]> =>
  // The window's member × channel pairs as in listChannelActivity. Members are ranked before
  // they are named: only the first `limit` (with ties) are joined to User.
  runOnChannelPairs<ChannelDiversityRow>(db, query, (params, authorsUntil) => {
    const top = authorsUntil
      ? topFromAuthorsSql(query, authorsUntil, params)
      : topFromMessagesSql(query, params);
    return `SELECT u."discordId" AS "userId", u.username,
              coalesce(u."globalName", u.username) AS "displayName", top.channels, top.messages
       FROM (${top}) top
       CROSS JOIN LATERAL (
         SELECT x."discordId", x.username, x."globalName" FROM "User" x WHERE x.id = top."userId" LIMIT 1
       ) u
       ORDER BY top.channels DESC, top.messages DESC, u."discordId"
       LIMIT $2`;
  });
