import type { TimeRange } from './plan-rollup-ranges.ts';

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
  const floorTo = (ms: number) => Math.floor(ms / bucketMs) * bucketMs;
  const ceilTo = (ms: number) => Math.ceil(ms / bucketMs) * bucketMs;
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  const start = ceilTo(fromMs);
  const end = Math.min(floorTo(toMs), floorTo(countedUntil?.getTime() ?? 0));
  if (countedUntil === null || start >= end) return { raw: [window], counted: null };
  const range = (a: number, b: number) => ({ from: new Date(a), to: new Date(b) });
  return {
    raw: [range(fromMs, start), range(end, toMs)].filter((r) => r.from < r.to),
    counted: range(start, end),
  };
};
