import type { Database } from '../src/store/database.ts';
import { backfillMemberDayTotals, runRollups } from '../src/store/rollups/run-rollups.ts';

/**
 * Brings the rollups up to `now` (the first run aggregates the whole dataset, later runs find
 * them done; guild quarter-hour counts missing from a dataset rolled up before they existed
 * are counted by the same run, as on an upgraded instance) and describes what it did.
 */
export const runRollupsForBench = async (db: Database, now: Date): Promise<string> => {
  const startMs = performance.now();
  // A dataset rolled up before the running totals existed gets them once.
  const [totals] = await db.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "MemberDayTotal") AS any`,
  );
  if (!totals?.any) await backfillMemberDayTotals(db);
  const run = await runRollups(db, { now });
  const seconds = (performance.now() - startMs) / 1_000;
  const [rows] = await db.query<{ presence: number; activity: number; quarters: number }>(
    `SELECT (SELECT count(*) FROM "PresenceRollup")::int AS presence,
            (SELECT count(*) FROM "ActivityRollup")::int AS activity,
            (SELECT count(*) FROM "GuildQuarterCount")::int AS quarters`,
  );
  return `${run.hours.toLocaleString('en-US')} hours aggregated in ${seconds.toFixed(1)} s, rolled until ${run.rolledUntil?.toISOString() ?? 'never'}; PresenceRollup ${rows?.presence.toLocaleString('en-US')} rows, ActivityRollup ${rows?.activity.toLocaleString('en-US')} rows, GuildQuarterCount ${rows?.quarters.toLocaleString('en-US')} rows`;
};
