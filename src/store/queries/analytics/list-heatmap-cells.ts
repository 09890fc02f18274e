import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getRollupPlan } from '../../rollups/get-rollup-plan.ts';
import { type RollupPlan, toRawPlan } from '../../rollups/plan-rollup-ranges.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { isWholeHourZone } from './is-whole-hour-zone.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams, type SqlParams } from './sql-params.ts';

/** What a heatmap counts: messages, typing events, or non-offline presence snapshots. */
export const heatmapMetrics = ['messages', 'typing', 'presence'] as const;
export type HeatmapMetric = (typeof heatmapMetrics)[number];

/** One non-empty cell: ISO day of week (1 = Monday … 7 = Sunday), hour 0–23, in the query's zone. */
export interface HeatmapCellRow {
  dayOfWeek: number;
  hour: number;
  count: number;
}

/** Each metric's events over `plan` as rows of (time, count). */
const sources: Record<HeatmapMetric, (plan: RollupPlan, params: SqlParams) => string> = {
  messages: (plan, params) =>
    `SELECT a."userId", a.at, a.messages AS n FROM (${activityPiecesSql(plan, params, '$1')}) a WHERE a.messages > 0`,
  typing: (plan, params) =>
    `SELECT a."userId", a.at, a.typing AS n FROM (${activityPiecesSql(plan, params, '$1')}) a WHERE a.typing > 0`,
  presence: (plan, params) =>
    `SELECT p."userId", p."firstAt" AS at, p.online AS n FROM (${presencePiecesSql(plan, params, '$1')}) p WHERE p.online > 0`,
};

/**
 * Counts `metric` events by day of week × hour of day in `query.timeZone`; empty cells are
 * absent. Events are first counted per UTC quarter-hour (cheap), and only those buckets are
 * converted to local time: exact, as every time zone's offset is a whole number of
 * quarter-hours. For presence, whole rolled-up hours come from hourly rollups when the zone is
 * a whole number of hours from UTC throughout the window (an hour then falls in one local hour).
 */
export const listHeatmapCells = async (
  db: Queryable,
  query: AnalyticsQuery,
  metric: HeatmapMetric,
): Promise<HeatmapCellRow[]> => {
  // Presence reads hourly rollups; messages and typing read raw rows, as ActivityRollup holds
  // about one event per row on the 10M benchmark dataset and measured slower than raw scans.
  const plan =
    metric === 'presence' && isWholeHourZone(query.timeZone, query.window)
      ? await getRollupPlan(db, [query.window], query.now, { daily: false })
      : toRawPlan([query.window]);
  const params = createSqlParams([query.guildId, query.timeZone]);
  return runAnalyticsQuery<HeatmapCellRow>(
    db,
    `WITH quarters AS (
       SELECT date_bin('15 minutes', e.at, timestamptz '2000-01-01 00:00:00+00') AS q,
              sum(e.n) AS n
       FROM (${sources[metric](plan, params)}) e
       WHERE e."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY 1
     )
     SELECT extract(isodow FROM q AT TIME ZONE $2)::int AS "dayOfWeek",
            extract(hour FROM q AT TIME ZONE $2)::int AS hour,
            sum(n)::int AS count
     FROM quarters
     GROUP BY 1, 2
     ORDER BY 1, 2`,
    params.values,
  );
};
