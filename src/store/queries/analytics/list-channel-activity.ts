import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { messagePairsSql } from './message-pairs-sql.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

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
export const listChannelActivity = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<ChannelActivityRow[]> => {
  // Raw rows through the (guildId, timestamp) indexes, which carry "userId" and "channelId":
  // per member × channel × bucket, ActivityRollup holds about one event per row on the 10M
  // benchmark dataset, and reading it measured slower. Distinct authors need the member ×
  // channel pairs of messages only; typing events are counted per channel.
  const params = createSqlParams([query.guildId, query.limit]);
  const { from, to } = query.window;
  return runAnalyticsQuery<ChannelActivityRow>(
    db,
    `WITH written AS (
       SELECT p."channelId", sum(p.m) AS messages, count(*) AS authors
       FROM (${messagePairsSql(query.window, params, '$1')}) p
       GROUP BY 1
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
     LIMIT $2`,
    params.values,
    { indexOnly: true },
  );
};
