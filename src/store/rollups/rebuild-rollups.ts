import type { Database } from '../database.ts';
import { lockRollups } from './rollup-state.ts';
import { type RollupRun, runRollups } from './run-rollups.ts';

/**
 * Throws the rollups away and aggregates every stored event again, up to `now`: after events
 * were written long after their time (a long outage, an import), which the interval job does
 * not look back far enough to see.
 */
export const rebuildRollups = async (db: Database, now: Date): Promise<RollupRun> => {
  await db.transaction(async (tx) => {
    await lockRollups(tx);
    for (const table of [
      'PresenceRollup',
      'PresenceComboRollup',
      'ActivityRollup',
      'MemberDayTotal',
      'GuildQuarterCount',
      'ChannelHourCount',
      'ChannelAuthor',
      'MemberTrailingTotal',
      'MemberSuspicionBase',
      'MemberShiftBase',
      'RollupState',
    ]) {
      await tx.query(`DELETE FROM "${table}"`);
    }
  });
  return runRollups(db, { now, settleMs: 0 });
};
