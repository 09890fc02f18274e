import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { toRawPlan } from '../../rollups/plan-rollup-ranges.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
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
  // Per member × channel × bucket, ActivityRollup holds about one event per row on the 10M
  // benchmark dataset, and reading it measured slower than the raw (guildId, timestamp) scans.
  const plan = toRawPlan([query.window]);
  const params = createSqlParams([query.guildId, query.limit]);
  return runAnalyticsQuery<ChannelActivityRow>(
    db,
    `WITH per AS (
       SELECT a."channelId", a."userId", sum(a.messages) AS m, sum(a.typing) AS t
       FROM (${activityPiecesSql(plan, params, '$1')}) a
       WHERE a."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY 1, 2
     )
     SELECT "channelId", sum(m)::int AS messages, (count(*) FILTER (WHERE m > 0))::int AS authors,
            sum(t)::int AS typing
     FROM per
     GROUP BY 1
     HAVING sum(m) > 0 OR sum(t) > 0
     ORDER BY 2 DESC, 4 DESC, 1
     LIMIT $2`,
    params.values,
  );
};
