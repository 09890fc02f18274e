import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';

/** Joins in one hour; `hour` is the hour's first instant, truncated in the query's zone. */
export interface JoinHourRow {
  hour: Date;
  joins: number;
}

/** Joins per hour of the window, oldest first; hours without joins are absent. */
export const listJoinsPerHour = (db: Queryable, query: AnalyticsQuery): Promise<JoinHourRow[]> =>
  runAnalyticsQuery<JoinHourRow>(
    db,
    `SELECT date_trunc('hour', e.timestamp AT TIME ZONE $4) AT TIME ZONE $4 AS hour,
            count(*)::int AS joins
     FROM "MemberEvent" e
     WHERE e."guildId" = $1 AND e.timestamp >= $2 AND e.timestamp < $3 AND e.type = 'join'
       AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
     GROUP BY 1
     ORDER BY 1`,
    [query.guildId, query.window.from.toISOString(), query.window.to.toISOString(), query.timeZone],
  );
