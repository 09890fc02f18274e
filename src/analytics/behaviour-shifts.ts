import type { Queryable } from '../store/database.ts';
import {
  listBehaviourShifts,
  type ShiftRules,
} from '../store/queries/analytics/list-behaviour-shifts.ts';
import { type AnalyticsQuery, toPreviousWindow } from './analytics-query.ts';
import { type BehaviourShift, toBehaviourShift } from './behaviour-shift.ts';
import { toWindowJson } from './to-window-json.ts';

/** PRODUCT.md's thresholds for the behaviour-shift flags. */
export const shiftRules: ShiftRules = {
  dropMinMessages: 3,
  spikeRatio: 3,
  spikeMinIncrease: 10,
  typingRatio: 2,
  typingMinBefore: 5,
};

export interface BehaviourShiftsResult {
  guildId: string;
  window: { from: string; to: string };
  previousWindow: { from: string; to: string };
  items: BehaviourShift[];
}

/**
 * Behaviour shifts (PRODUCT.md analytic 5): the window against the previous one of the same
 * length. Flags: `messageDrop` (≥ 3 messages before, 0 now), `messageSpike` (now ≥ 3 × before
 * and ≥ before + 10), `typingSpike` (now > 2 × before and before ≥ 5), `newPlatform` (a
 * platform seen now that the previous window did not show; only for members seen online in
 * the previous window, so a newcomer is not flagged for merely arriving). Online time: each
 * non-offline snapshot counts from its timestamp until the member's next snapshot, capped at
 * the window's end and at `now`, and split at the boundary between the windows; time before
 * a member's first snapshot in the previous window is unknown and not counted. Only members
 * with at least one flag are listed, by score (number of flags) descending, then Discord id.
 */
export const getBehaviourShifts = async (
  db: Queryable,
  query: AnalyticsQuery,
  rules: ShiftRules = shiftRules,
): Promise<BehaviourShiftsResult> => {
  const rows = await listBehaviourShifts(db, query, rules);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    previousWindow: toWindowJson(toPreviousWindow(query.window)),
    items: rows.map(toBehaviourShift),
  };
};
