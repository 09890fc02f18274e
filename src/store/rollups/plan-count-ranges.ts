import { ceilTo, floorTo, type TimeRange, timeRange } from './plan-rollup-ranges.ts';

const QUARTER_MS = 900_000;

/** Where a window is read from: whole counted buckets, and raw rows for the rest. */
export interface CountPlan {
  raw: TimeRange[];
  counted: TimeRange | null;
}

/**
 * Splits `[from, to)` so that every whole UTC bucket of `bucketMs` (a quarter-hour for the
 * guild counts, an hour for the channels') before `countedUntil` is read from the counts and
 * the rest (the partial buckets at both ends, and everything from `countedUntil` on) from raw
 * rows. Without counts (`countedUntil` null) everything is raw.
 */
export const planCountRanges = (
  window: TimeRange,
  countedUntil: Date | null,
  bucketMs = QUARTER_MS,
): CountPlan => {
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  const start = ceilTo(fromMs, bucketMs);
  const end = Math.min(floorTo(toMs, bucketMs), floorTo(countedUntil?.getTime() ?? 0, bucketMs));
  if (countedUntil === null || start >= end) return { raw: [window], counted: null };
  return {
    raw: [timeRange(fromMs, start), timeRange(end, toMs)].filter((r) => r.from < r.to),
    counted: timeRange(start, end),
  };
};
