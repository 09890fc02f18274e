/** A half-open time window `[from, to)`. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * What every analytic takes (PRODUCT.md, "Analytics definitions"): a guild, a window, a limit
 * and a time zone. `now` is a field, never read from the clock, so date logic is testable.
 */
export interface AnalyticsQuery {
  guildId: string;
  window: TimeWindow;
  /** 1–500. */
  limit: number;
  /** An IANA zone, for anything that speaks of hours or days. */
  timeZone: string;
  now: Date;
}

/** PRODUCT.md's defaults. */
export const analyticsDefaults = {
  windowDays: 7,
  limit: 50,
  maxLimit: 500,
  maxWindowDays: 400,
  timeZone: 'UTC',
} as const;

/** The previous window of the same length, for comparisons (behaviour shifts). */
export const toPreviousWindow = (window: TimeWindow): TimeWindow => {
  const length = window.to.getTime() - window.from.getTime();
  return { from: new Date(window.from.getTime() - length), to: window.from };
};

/** The default window: the `windowDays` days before `now`. */
export const toDefaultWindow = (
  now: Date,
  windowDays: number = analyticsDefaults.windowDays,
): TimeWindow => ({
  from: new Date(now.getTime() - windowDays * 86_400_000),
  to: now,
});
