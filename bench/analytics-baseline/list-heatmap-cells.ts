import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';

/** What a heatmap counts: messages, typing events, or non-offline presence snapshots. */
export const heatmapMetrics = ['messages', 'typing', 'presence'] as const;
export type HeatmapMetric = (typeof heatmapMetrics)[number];

/** One non-empty cell: ISO day of week (1 = Monday … 7 = Sunday), hour 0–23, in the query's zone. */
export interface HeatmapCellRow {
  dayOfWeek: number;
  hour: number;
  count: number;
}

const sources: Record<HeatmapMetric, { table: string; extra: string }> = {
  messages: { table: '"Message"', extra: '' },
  typing: { table: '"TypingEvent"', extra: '' },
  presence: { table: '"Presence"', extra: `AND e.status <> 'offline'` },
};

/**
 * Counts `metric` events by day of week × hour of day in `query.timeZone`; empty cells are
 * absent. Events are first counted per UTC quarter-hour (cheap), and only those buckets are
 * converted to local time: exact, as every time zone's offset is a whole number of quarter-hours.
 */
export const listHeatmapCells = async (
  db: Queryable,
  query: AnalyticsQuery,
  metric: HeatmapMetric,
): Promise<HeatmapCellRow[]> => {
  const { table, extra } = sources[metric];
  return db.query<HeatmapCellRow>(
    `WITH quarters AS (
       SELECT date_bin('15 minutes', e.timestamp, timestamptz '2000-01-01 00:00:00+00') AS q,
              count(*) AS n
       FROM ${table} e
       WHERE e."guildId" = $1 AND e.timestamp >= $2 AND e.timestamp < $3 ${extra}
         AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
       GROUP BY 1
     )
     SELECT extract(isodow FROM q AT TIME ZONE $4)::int AS "dayOfWeek",
            extract(hour FROM q AT TIME ZONE $4)::int AS hour,
            sum(n)::int AS count
     FROM quarters
     GROUP BY 1, 2
     ORDER BY 1, 2`,
    [query.guildId, query.window.from.toISOString(), query.window.to.toISOString(), query.timeZone],
  );
};
