import type { Queryable } from '../store/database.ts';
import {
  type HeatmapMetric,
  listHeatmapCells,
} from '../store/queries/analytics/list-heatmap-cells.ts';
import { listMemberChannelActivity } from '../store/queries/analytics/list-member-channel-activity.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { type ActivityMatrix, toActivityMatrix } from './to-activity-matrix.ts';
import { toHeatmapGrid } from './to-heatmap-grid.ts';
import { toWindowJson } from './to-window-json.ts';

/**
 * PRODUCT.md analytic 7. `items` is the full 7 × 24 grid (ISO day of week 1 = Monday … 7 =
 * Sunday, hour 0–23) in `query.timeZone`, so a day is the local day, DST included; `presence`
 * counts non-offline snapshots. `matrix` is messages per member per channel for the `limit`
 * most active members and the `limit` busiest channels (members with messages only in other
 * channels are left out).
 */
export const getHeatmap = async (db: Queryable, query: AnalyticsQuery, metric: HeatmapMetric) => {
  const [cells, activity] = await Promise.all([
    listHeatmapCells(db, query, metric),
    listMemberChannelActivity(db, query),
  ]);
  const matrix: ActivityMatrix = toActivityMatrix(activity);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    timeZone: query.timeZone,
    metric,
    items: toHeatmapGrid(cells),
    matrix,
  };
};
