import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { messagePairsSql } from './message-pairs-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

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
export const listChannelDiversity = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<ChannelDiversityRow[]> => {
  // Raw messages through the (guildId, timestamp) index (see listChannelActivity). Members are
  // ranked before they are named: only the first `limit` (with ties) are joined to User.
  const params = createSqlParams([query.guildId, query.limit]);
  return runAnalyticsQuery<ChannelDiversityRow>(
    db,
    `WITH per AS (
       SELECT p."userId", count(*)::int AS channels, sum(p.m)::int AS messages
       FROM (${messagePairsSql(query.window, params, '$1')}) p
       GROUP BY 1
     )
     SELECT u."discordId" AS "userId", u.username,
            coalesce(u."globalName", u.username) AS "displayName", top.channels, top.messages
     FROM (SELECT * FROM per ORDER BY channels DESC, messages DESC FETCH FIRST $2 ROWS WITH TIES) top
     JOIN "User" u ON u.id = top."userId"
     ORDER BY top.channels DESC, top.messages DESC, u."discordId"
     LIMIT $2`,
    params.values,
    { indexOnly: true },
  );
};
