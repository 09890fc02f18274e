/** A heatmap cell as the API sends it: ISO day of week (1 = Monday … 7 = Sunday) and hour. */
export interface HeatmapCell {
  dayOfWeek: number;
  hour: number;
  count: number;
}

/** Rows of a day × hour grid, in display order, with the largest count for the colour scale. */
export interface HeatmapMatrix {
  rows: { dayOfWeek: number; label: string; counts: number[] }[];
  max: number;
  total: number;
}

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * Bins cells into 7 rows of 24 hours, starting the week on `weekStart` (1 = Monday, 7 =
 * Sunday); missing cells are 0, cells outside the grid are ignored, duplicates add up.
 */
export const toHeatmapMatrix = (
  cells: readonly HeatmapCell[],
  weekStart: 1 | 7 = 1,
): HeatmapMatrix => {
  const rows = Array.from({ length: 7 }, (_, index) => {
    const dayOfWeek = ((weekStart - 1 + index) % 7) + 1;
    return {
      dayOfWeek,
      label: DAY_LABELS[dayOfWeek - 1] ?? '',
      counts: new Array<number>(24).fill(0),
    };
  });
  let max = 0;
  let total = 0;
  for (const cell of cells) {
    const row = rows.find((candidate) => candidate.dayOfWeek === cell.dayOfWeek);
    if (!row || !Number.isInteger(cell.hour) || cell.hour < 0 || cell.hour > 23) continue;
    const count = (row.counts[cell.hour] ?? 0) + cell.count;
    row.counts[cell.hour] = count;
    max = Math.max(max, count);
    total += cell.count;
  }
  return { rows, max, total };
};

/** The colour step (0 = nothing … `levels` = the busiest) of a count, on a linear scale. */
export const toHeatLevel = (count: number, max: number, levels = 5): number => {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * levels));
};
