import {
  planRollupWindows,
  type RollupPlan,
  type TimeRange,
  toRawPlan,
} from './plan-rollup-ranges.ts';

const DAY_MS = 86_400_000;

/** Whole days read as the difference of two MemberDayTotal rows per member. */
export interface TotalsRange {
  /** The day whose totals are subtracted (everything up to its end is left out). */
  baseDay: Date;
  /** The day whose totals are taken (up to its end, or rolledUntil for the last rolled day). */
  endDay: Date;
}

/** Where a window is read from: running totals for most of it, `rest` for its ends. */
export interface TotalsPlan {
  totals: TotalsRange | null;
  rest: RollupPlan;
}

const floorDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const ceilDay = (ms: number) => Math.ceil(ms / DAY_MS) * DAY_MS;

/**
 * Splits `window` so that the whole UTC days inside it that the running totals cover — from
 * the day after `earliestDay` (the guild's first stored totals; days before it were never
 * rolled up or have expired) up to `rolledUntil` — are one totals range, and the rest (the
 * partial days at the ends, anything before the totals begin or after the rollups end) goes
 * through {@link planRollupWindows}: hourly and daily rollups, raw rows. Without rollups or
 * totals everything is `rest`.
 */
export const planTotals = (
  window: TimeRange,
  rolledUntil: Date | null,
  earliestDay: Date | null,
): TotalsPlan => {
  const whole = { totals: null, rest: planRollupWindows([window], rolledUntil) };
  if (rolledUntil === null || earliestDay === null) return whole;
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  const rolledMs = rolledUntil.getTime();
  // The last rolled day's row counts up to rolledUntil; earlier rows up to their day's end.
  const [coverEnd, endDay] =
    toMs >= rolledMs
      ? [rolledMs, floorDay(rolledMs - 1)]
      : [floorDay(toMs), floorDay(toMs) - DAY_MS];
  const baseDay = Math.max(ceilDay(fromMs) - DAY_MS, earliestDay.getTime());
  const coverStart = baseDay + DAY_MS;
  if (endDay <= baseDay || coverStart >= coverEnd) return whole;
  const rest = [
    { from: window.from, to: new Date(coverStart) },
    { from: new Date(coverEnd), to: window.to },
  ].filter((r) => r.from < r.to);
  return {
    totals: { baseDay: new Date(baseDay), endDay: new Date(endDay) },
    rest: rest.length > 0 ? planRollupWindows(rest, rolledUntil) : toRawPlan([]),
  };
};
