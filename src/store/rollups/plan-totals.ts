import {
  ceilDay,
  ceilHour,
  DAY_MS,
  floorDay,
  floorHour,
  planRollupWindows,
  type RollupPlan,
  timeRange as range,
  type TimeRange,
  toRawPlan,
} from './plan-rollup-ranges.ts';

/**
 * What a window's bulk is read from: whole days as the difference of two MemberDayTotal rows
 * per member, or one row per member of MemberTrailingTotal (see planTrailing).
 */
export type TotalsRange = DaysRange | TrailingRange;

/** One of the two 7-day windows of MemberTrailingTotal: slot 0 ends at `anchor`, slot 1 before it. */
export interface TrailingRange {
  anchor: Date;
  slot: 0 | 1;
}

/** Whether `range` is read from MemberTrailingTotal. */
export const isTrailingRange = (range: TotalsRange): range is TrailingRange => 'anchor' in range;

/** Whole days read as the difference of two MemberDayTotal rows per member. */
export interface DaysRange {
  /** The day whose totals are subtracted (everything up to its end is left out). */
  baseDay: Date;
  /** The day whose totals are taken (up to its end, or rolledUntil for the last rolled day). */
  endDay: Date;
}

/**
 * Where a window is read from: running totals for most of it, `rest` added for its ends, and
 * `minus` subtracted — whole hours inside the totals' days but outside the window, read from
 * hourly rollups (never raw rows, so per-hour counts such as the platform hours stay exact).
 */
export interface TotalsPlan {
  totals: TotalsRange | null;
  rest: RollupPlan;
  minus: RollupPlan;
}

const nothing: RollupPlan = toRawPlan([]);

/**
 * Splits `window` so that the UTC days the running totals cover — from the day after
 * `earliestDay` (the guild's first stored totals; days before it were never rolled up or have
 * expired) up to `rolledUntil` — are one totals range, and the rest goes through
 * {@link planRollupWindows}: hourly and daily rollups, raw rows. A window that starts or ends
 * in a day is read the cheaper way: the whole days inside it plus the hours of the partial day
 * inside the window, or (when fewer hours lie outside it) the partial day's whole totals
 * minus its hours outside the window. The window's partial hour is raw rows either way.
 * Without rollups or totals everything is `rest`. `daily: false` keeps the rest to hourly
 * rollups (per-hour counts such as the platform hours are then exact).
 */
export const planTotals = (
  window: TimeRange,
  rolledUntil: Date | null,
  earliestDay: Date | null,
  options: { daily: boolean } = { daily: true },
): TotalsPlan => {
  const whole = {
    totals: null,
    rest: planRollupWindows([window], rolledUntil, options),
    minus: nothing,
  };
  if (rolledUntil === null || earliestDay === null) return whole;
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  const rolledMs = rolledUntil.getTime();
  const earliestMs = earliestDay.getTime();
  // The last rolled day's row counts up to rolledUntil; earlier rows up to their day's end.
  let [coverEnd, endDay] =
    toMs >= rolledMs
      ? [rolledMs, floorDay(rolledMs - 1)]
      : [floorDay(toMs), floorDay(toMs) - DAY_MS];
  let baseDay = Math.max(ceilDay(fromMs) - DAY_MS, earliestMs);
  let coverStart = baseDay + DAY_MS;
  const minus: TimeRange[] = [];
  const raw: TimeRange[] = [];
  let headCutFrom = false;
  // The first day's totals minus its whole hours before the window's first whole hour.
  const headCut = ceilHour(fromMs);
  if (
    fromMs > floorDay(fromMs) &&
    floorDay(fromMs) - DAY_MS >= earliestMs &&
    headCut - floorDay(fromMs) < ceilDay(fromMs) - headCut &&
    headCut <= floorHour(coverEnd)
  ) {
    baseDay = floorDay(fromMs) - DAY_MS;
    coverStart = floorDay(fromMs);
    headCutFrom = true;
    minus.push(range(coverStart, headCut));
    if (fromMs < headCut) raw.push(range(fromMs, headCut));
  }
  // The last day's totals (up to its end or rolledUntil) minus its hours after the window's.
  const tailEnd = Math.min(ceilDay(toMs), rolledMs);
  const tailCut = floorHour(toMs);
  if (
    toMs < rolledMs &&
    toMs > floorDay(toMs) &&
    tailEnd - tailCut < tailCut - floorDay(toMs) &&
    tailCut >= (headCutFrom ? headCut : coverStart)
  ) {
    endDay = floorDay(toMs);
    coverEnd = tailEnd;
    minus.push(range(tailCut, tailEnd));
    if (tailCut < toMs) raw.push(range(tailCut, toMs));
  }
  if (endDay <= baseDay || coverStart >= coverEnd) return whole;
  const rest = [
    ...(headCutFrom ? [] : [range(fromMs, coverStart)]),
    ...(coverEnd > toMs ? [] : [range(coverEnd, toMs)]),
  ].filter((r) => r.from < r.to);
  const restPlan = planRollupWindows(rest, rolledUntil, options);
  return {
    totals: { baseDay: new Date(baseDay), endDay: new Date(endDay) },
    rest: { raw: [...restPlan.raw, ...raw], rolled: restPlan.rolled },
    // Never empty: each cut lies strictly inside its day (from after its day's start, to
    // before the end of the rolled part of its day).
    minus: { raw: [], rolled: minus.map((r) => ({ bucketHours: 1, ...r })) },
  };
};
