/** One point of a time series. */
export interface SeriesPoint {
  atMs: number;
  value: number;
}

/**
 * A series with one point per `stepMs` from the bucket holding `fromMs` up to (not including)
 * `toMs`, taking values from `points` (summed when several fall in one bucket) and 0 elsewhere:
 * the API lists only the buckets where something happened, a chart needs the quiet ones too.
 * Buckets are aligned to multiples of `stepMs` since the epoch (UTC hours and days).
 */
export const fillSeries = (
  points: readonly SeriesPoint[],
  range: { fromMs: number; toMs: number; stepMs: number },
): SeriesPoint[] => {
  const { fromMs, toMs, stepMs } = range;
  if (stepMs <= 0) throw new RangeError('stepMs must be positive');
  const start = Math.floor(fromMs / stepMs) * stepMs;
  const sums = new Map<number, number>();
  for (const point of points) {
    const bucket = Math.floor(point.atMs / stepMs) * stepMs;
    sums.set(bucket, (sums.get(bucket) ?? 0) + point.value);
  }
  const filled: SeriesPoint[] = [];
  for (let atMs = start; atMs < toMs; atMs += stepMs) {
    filled.push({ atMs, value: sums.get(atMs) ?? 0 });
  }
  return filled;
};
