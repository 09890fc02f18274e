import type { TimeRange } from './plan-rollup-ranges.ts';

const QUARTER_MS = 900_000;

/** Where a window is read from: whole counted quarter-hours, and raw rows for the rest. */
export interface CountPlan {
  raw: TimeRange[];
  counted: TimeRange | null;
}

const floorTo = (ms: number) => Math.floor(ms / QUARTER_MS) * QUARTER_MS;
const ceilTo = (ms: number) => Math.ceil(ms / QUARTER_MS) * QUARTER_MS;

/**
 * Splits `[from, to)` so that every whole UTC quarter-hour before `countedUntil` is read from
 * the guild quarter-hour counts and the rest (the partial quarters at both ends, and everything
 * from `countedUntil` on) from raw rows. Without counts (`countedUntil` null) everything is raw.
 */
export const planCountRanges = (window: TimeRange, countedUntil: Date | null): CountPlan => {
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
