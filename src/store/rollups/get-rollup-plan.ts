import type { Queryable } from '../database.ts';
import { planRollupWindows, type RollupPlan, type TimeRange } from './plan-rollup-ranges.ts';
import { planTotals, type TotalsPlan } from './plan-totals.ts';
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
 * Where to read each of `windows` from for the guild's running totals (MemberDayTotal) and
 * the rest (see planTotals).
 */
export const getTotalsPlans = async (
  db: Queryable,
  guildId: string,
  windows: readonly TimeRange[],
): Promise<TotalsPlan[]> => {
  const rolledUntil = await getRolledUntil(db);
  const [row] = await db.query<{ earliest: Date | null }>(
    `SELECT min(day) AS earliest FROM "MemberDayTotal" WHERE "guildId" = $1`,
    [guildId],
  );
  const earliest = row?.earliest ? new Date(row.earliest) : null;
  return windows.map((w) => planTotals(w, rolledUntil, earliest));
};
