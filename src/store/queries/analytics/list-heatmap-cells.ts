import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { type CountPlan, planCountRanges } from '../../rollups/plan-count-ranges.ts';
import { GUILD_COUNTS_STATE_NAME, getRolledUntil } from '../../rollups/rollup-state.ts';
import { guildCountSources, quarterSql } from '../../rollups/rollup-statements.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
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

/**
 * `metric`'s events over `plan` as rows of (UTC quarter-hour, count): the guild's counts over
 * the counted range, minus the events opted-out members still have there (rows that arrived
 * after an opt-out, until the privacy job's sweep; per-guild opt-outs), plus the raw events of
 * everyone else over the raw ranges.
 */
const quartersSql = (metric: HeatmapMetric, plan: CountPlan, params: SqlParams): string => {
  const source = guildCountSources[metric];
  const optedOut = optedOutUserIdsSql('$1');
  const events = (from: Date, to: Date) =>
    `FROM "${source.table}" e WHERE e."guildId" = $1 AND ${source.where}
        AND e.timestamp >= ${params.add(from)} AND e.timestamp < ${params.add(to)}`;
  const branches = plan.raw.map(
    (r) => `SELECT ${quarterSql('e.timestamp')} AS q, 1 AS n ${events(r.from, r.to)}
        AND e."userId" NOT IN ${optedOut}`,
  );
  if (plan.counted) {
    const { from, to } = plan.counted;
    branches.push(
      `SELECT bucket AS q, count AS n FROM "GuildQuarterCount"
        WHERE "guildId" = $1 AND kind = '${metric}'
          AND bucket >= ${params.add(from)} AND bucket < ${params.add(to)}`,
      `SELECT ${quarterSql('e.timestamp')} AS q, -1 AS n ${events(from, to)}
        AND e."userId" IN ${optedOut}`,
    );
  }
  return branches.join('\n      UNION ALL\n      ');
};

/**
 * Counts `metric` events by day of week × hour of day in `query.timeZone`; empty cells are
 * absent. Events are counted per UTC quarter-hour — whole quarters the rollup job has counted
 * from GuildQuarterCount, the ends of the window from raw rows — and only those buckets are
 * converted to local time: exact, as every time zone's offset is a whole number of
 * quarter-hours.
 */
export const listHeatmapCells = async (
  db: Queryable,
  query: AnalyticsQuery,
  metric: HeatmapMetric,
): Promise<HeatmapCellRow[]> => {
  const plan = planCountRanges(query.window, await getRolledUntil(db, GUILD_COUNTS_STATE_NAME));
  const params = createSqlParams([query.guildId, query.timeZone]);
  return runAnalyticsQuery<HeatmapCellRow>(
    db,
    `WITH quarters AS (
       SELECT e.q, sum(e.n) AS n FROM (${quartersSql(metric, plan, params)}) e GROUP BY 1
     )
     SELECT extract(isodow FROM q AT TIME ZONE $2)::int AS "dayOfWeek",
            extract(hour FROM q AT TIME ZONE $2)::int AS hour,
            sum(n)::int AS count
     FROM quarters
     GROUP BY 1, 2
     HAVING sum(n) > 0
     ORDER BY 1, 2`,
    params.values,
  );
};
