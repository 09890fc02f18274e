import {
  ceilHour,
  DAY_MS,
  floorHour,
  HOUR_MS,
  planRollupWindows,
  timeRange as range,
  type TimeRange,
} from './plan-rollup-ranges.ts';
import type { TotalsPlan } from './plan-totals.ts';

/** The length of each of MemberTrailingTotal's two windows: the analytics' default window. */
export const TRAILING_MS = 7 * DAY_MS;

/**
 * How far a window's start and end may each lie from a trailing slot's for the slot to be
 * read: each end then reads at most this much from hourly rollups and raw rows. The default
 * window (the last 7 days, ending now) lies an hour or two after the newest anchor.
 */
export const TRAILING_SLACK_MS = 6 * HOUR_MS;

/**
 * How much later than `anchor` − 7 days slot 0 starts (and slot 1 ends). The default window
 * ends now, an hour or two after the newest anchor (the job's watermark is the last whole hour
 * ended 2 minutes ago, the anchor an hour before it), so it starts up to 2 hours after
 * `anchor` − 7 days: slots that begin there are only added to — the raw rows of a partial hour —
 * where slots that began at `anchor` − 7 days had their first two hours subtracted from hourly
 * rollups as well.
 */
export const TRAILING_LEAD_MS = 2 * HOUR_MS;

/**
 * The time range slot `slot` covers: slot 0 [anchor − 7 days + lead, anchor), slot 1 the
 * 7 days before it.
 */
export const trailingSlotRange = (anchor: Date, slot: 0 | 1): TimeRange => {
  const start = anchor.getTime() - TRAILING_MS + TRAILING_LEAD_MS;
  return slot === 0
    ? { from: new Date(start), to: anchor }
    : { from: new Date(start - TRAILING_MS), to: new Date(start) };
};

/**
 * Reads `window` as the slot of MemberTrailingTotal (anchored at `anchor`, which the rollups
 * reach: `rolledUntil` ≥ anchor) whose start and end both lie within TRAILING_SLACK_MS of the
 * window's, or null when neither does. The slot's row per member is taken whole; what lies
 * inside the window but outside the slot is added (rollups, raw rows after `rolledUntil` and in
 * partial hours); what lies inside the slot but outside the window is subtracted as whole
 * hourly rollups — the slot's hours of each platform are exact hour counts, so per-hour counts
 * stay exact — with the window's own partial hour added back from raw rows.
 */
export const planTrailing = (
  window: TimeRange,
  anchor: Date,
  rolledUntil: Date,
): TotalsPlan | null => {
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  const slot = ([0, 1] as const).find((s) => {
    const r = trailingSlotRange(anchor, s);
    return (
      Math.abs(r.from.getTime() - fromMs) <= TRAILING_SLACK_MS &&
      Math.abs(r.to.getTime() - toMs) <= TRAILING_SLACK_MS
    );
  });
  if (slot === undefined || rolledUntil.getTime() < anchor.getTime()) return null;
  const { from, to } = trailingSlotRange(anchor, slot);
  const [startMs, endMs] = [from.getTime(), to.getTime()];
  const added: TimeRange[] = [];
  const raw: TimeRange[] = [];
  const minus: TimeRange[] = [];
  if (fromMs < startMs) added.push(range(fromMs, startMs));
  else if (fromMs > startMs) {
    minus.push(range(startMs, ceilHour(fromMs)));
    if (fromMs < ceilHour(fromMs)) raw.push(range(fromMs, ceilHour(fromMs)));
  }
  if (toMs > endMs) added.push(range(endMs, toMs));
  else if (toMs < endMs) {
    minus.push(range(floorHour(toMs), endMs));
    if (floorHour(toMs) < toMs) raw.push(range(floorHour(toMs), toMs));
  }
  const rest = planRollupWindows(added, rolledUntil);
  return {
    totals: { anchor, slot },
    rest: { raw: [...rest.raw, ...raw], rolled: rest.rolled },
    minus: { raw: [], rolled: minus.map((r) => ({ bucketHours: 1, ...r })) },
  };
};
