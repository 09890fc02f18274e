import type { Queryable } from '../database.ts';
import { planRollupWindows, type RollupPlan, type TimeRange } from './plan-rollup-ranges.ts';
import { getRolledUntil } from './run-rollups.ts';

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
