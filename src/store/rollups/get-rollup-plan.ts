import type { Queryable } from '../database.ts';
import { planRollupWindows, type RollupPlan, type TimeRange } from './plan-rollup-ranges.ts';
import { planTotals, type TotalsPlan } from './plan-totals.ts';
import { planTrailing } from './plan-trailing.ts';
import { getRolledUntil } from './rollup-state.ts';

/**
 * Where to read consecutive `windows` from, given how far the rollups reach; never rollups
 * past `now`, as online time is capped there.
 */
export const getRollupPlan = async (
  db: Queryable,
  windows: readonly TimeRange[],
  now: Date,
  options: { daily: boolean } = { daily: true },
): Promise<RollupPlan> => {
  const rolledUntil = await getRolledUntil(db);
  const limit = rolledUntil && new Date(Math.min(rolledUntil.getTime(), now.getTime()));
  return planRollupWindows(windows, limit, options);
};

/**
 * Where to read each of `windows` from for the guild's running totals: the guild's newest
 * MemberTrailingTotal rows when every window lies near one of their slots (see planTrailing;
 * the default window and the one before it), otherwise MemberDayTotal (see planTotals).
 * `trailing: false` never reads MemberTrailingTotal (the job that writes it), `daily: false`
 * keeps the rest to hourly rollups.
 */
export const getTotalsPlans = async (
  db: Queryable,
  guildId: string,
  windows: readonly TimeRange[],
  options: { trailing: boolean; daily: boolean } = { trailing: true, daily: true },
): Promise<TotalsPlan[]> => {
  const rolledUntil = await getRolledUntil(db);
  const [row] = await db.query<{ earliest: Date | null; anchor: Date | null }>(
    `SELECT (SELECT min(day) FROM "MemberDayTotal" WHERE "guildId" = $1) AS earliest,
       (SELECT max(anchor) FROM "MemberTrailingTotal" WHERE "guildId" = $1) AS anchor`,
    [guildId],
  );
  if (options.trailing && row?.anchor && rolledUntil) {
    const anchor = new Date(row.anchor);
    const trailing = windows.map((w) => planTrailing(w, anchor, rolledUntil));
    if (trailing.every((plan) => plan !== null)) return trailing;
  }
  const earliest = row?.earliest ? new Date(row.earliest) : null;
  return windows.map((w) => planTotals(w, rolledUntil, earliest, { daily: options.daily }));
};

/**
 * {@link getTotalsPlans} for a window and the one before it (the analytics that compare them:
 * shifts, suspicion): both plans, read with one plan of the guild's totals.
 */
export const getComparedTotalsPlans = async (
  db: Queryable,
  guildId: string,
  previous: TimeRange,
  window: TimeRange,
): Promise<[before: TotalsPlan, now: TotalsPlan]> => {
  const [before, now] = await getTotalsPlans(db, guildId, [previous, window]);
  if (!before || !now) throw new Error('No plan for the windows.');
  return [before, now];
};
