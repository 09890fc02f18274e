/** The fixed windows a request at one instant falls in, all in UTC. */
export interface LimitWindows {
  /** Minutes since the epoch: the rate-limit window. */
  minute: number;
  /** `YYYY-MM-DD`: the daily quota's window and QuotaUsage's `date`. */
  day: string;
  /** `YYYY-MM`: the monthly quota's window. */
  month: string;
  /** `YYYY-MM-01`, the month's first day. */
  monthStart: string;
  /** When each window ends. */
  minuteEndsAt: Date;
  dayEndsAt: Date;
  monthEndsAt: Date;
}

/** The UTC minute, day and month of `now`, with their ends. */
export const toLimitWindows = (now: Date): LimitWindows => {
  const nowMs = now.getTime();
  const minute = Math.floor(nowMs / 60_000);
  const year = now.getUTCFullYear();
  const monthIndex = now.getUTCMonth();
  const day = now.toISOString().slice(0, 10);
  const month = day.slice(0, 7);
  return {
    minute,
    day,
    month,
    monthStart: `${month}-01`,
    minuteEndsAt: new Date((minute + 1) * 60_000),
    dayEndsAt: new Date(Date.UTC(year, monthIndex, now.getUTCDate() + 1)),
    monthEndsAt: new Date(Date.UTC(year, monthIndex + 1, 1)),
  };
};

/** Whole seconds from `now` until `end`, at least 1 (a client waiting 0 s would retry at once). */
export const toSecondsUntil = (end: Date, now: Date): number =>
  Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1_000));
