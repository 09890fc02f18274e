export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A half-open time range `[from, to)`. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** Rollup buckets of one width (1 hour or 1 UTC day) whose start lies in `[from, to)`. */
export interface RolledRange extends TimeRange {
  bucketHours: 1 | 24;
}

/** Where each part of a window is read from: raw event rows, or whole rolled-up buckets. */
export interface RollupPlan {
  raw: TimeRange[];
  rolled: RolledRange[];
}

/** The start of the UTC bucket of `unit` ms that `ms` lies in, or of the next one unless `ms` starts one. */
export const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;
export const ceilTo = (ms: number, unit: number) => Math.ceil(ms / unit) * unit;
/** The start of the UTC hour or day `ms` lies in, or the next one's unless `ms` starts one. */
export const floorHour = (ms: number) => floorTo(ms, HOUR_MS);
export const ceilHour = (ms: number) => ceilTo(ms, HOUR_MS);
export const floorDay = (ms: number) => floorTo(ms, DAY_MS);
export const ceilDay = (ms: number) => ceilTo(ms, DAY_MS);
/** `[from, to)` from epoch milliseconds. */
export const timeRange = (from: number, to: number): TimeRange => ({
  from: new Date(from),
  to: new Date(to),
});

/**
 * Splits `[from, to)` so that every whole UTC hour before `rolledUntil` is read from rollups
 * (whole UTC days from the daily ones, the hours around them from the hourly ones) and the
 * rest (the partial hours at both ends, and everything from `rolledUntil` on) from raw rows.
 * With no rollups yet (`rolledUntil` null) everything is raw. Empty ranges are left out.
 * `daily: false` keeps to hourly rollups (for results by hour of day).
 */
export const planRollupRanges = (
  window: TimeRange,
  rolledUntil: Date | null,
  options: { daily: boolean } = { daily: true },
): RollupPlan => {
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  const start = ceilTo(fromMs, HOUR_MS);
  const end = Math.min(floorTo(toMs, HOUR_MS), floorTo(rolledUntil?.getTime() ?? 0, HOUR_MS));
  if (rolledUntil === null || start >= end) return { raw: [window], rolled: [] };
  const range = (a: number, b: number) => ({ from: new Date(a), to: new Date(b) });
  const raw = [range(fromMs, start), range(end, toMs)].filter((r) => r.from < r.to);
  const dayStart = ceilTo(start, DAY_MS);
  const dayEnd = floorTo(end, DAY_MS);
  const rolled: RolledRange[] =
    options.daily && dayStart < dayEnd
      ? [
          { bucketHours: 1, ...range(start, dayStart) },
          { bucketHours: 24, ...range(dayStart, dayEnd) },
          { bucketHours: 1, ...range(dayEnd, end) },
        ]
      : [{ bucketHours: 1, ...range(start, end) }];
  return { raw, rolled: rolled.filter((r) => r.from < r.to) };
};

/** The plans of consecutive windows, concatenated (their pieces never straddle a boundary). */
export const planRollupWindows = (
  windows: readonly TimeRange[],
  rolledUntil: Date | null,
  options: { daily: boolean } = { daily: true },
): RollupPlan => {
  const plans = windows.map((w) => planRollupRanges(w, rolledUntil, options));
  return { raw: plans.flatMap((p) => p.raw), rolled: plans.flatMap((p) => p.rolled) };
};

/** A plan that reads every window from raw rows. */
export const toRawPlan = (windows: readonly TimeRange[]): RollupPlan => ({
  raw: [...windows],
  rolled: [],
});

/** Whether `plan` reads anything (raw or rolled). */
export const planReadsAnything = (plan: RollupPlan): boolean =>
  plan.raw.length + plan.rolled.length > 0;
