import type { HeatmapCellRow } from '../store/queries/analytics/list-heatmap-cells.ts';

/**
 * Fills the gaps of a heatmap: all 7 × 24 cells, Monday (1) to Sunday (7), hour 0 to 23,
 * with 0 where nothing happened.
 */
export const toHeatmapGrid = (cells: readonly HeatmapCellRow[]): HeatmapCellRow[] => {
  const counts = new Map(cells.map((c) => [`${c.dayOfWeek}:${c.hour}`, c.count]));
  const grid: HeatmapCellRow[] = [];
  for (let dayOfWeek = 1; dayOfWeek <= 7; dayOfWeek++) {
    for (let hour = 0; hour < 24; hour++) {
      grid.push({ dayOfWeek, hour, count: counts.get(`${dayOfWeek}:${hour}`) ?? 0 });
    }
  }
  return grid;
};
