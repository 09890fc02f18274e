import type { Database } from '../src/store/database.ts';
import { backfillMemberDayTotals, runRollups } from '../src/store/rollups/run-rollups.ts';

/** The tables the rollup job writes. */
const ROLLUP_TABLES = [
  'PresenceRollup',
  'ActivityRollup',
  'MemberDayTotal',
  'GuildQuarterCount',
  'ChannelAuthor',
  'MemberTrailingTotal',
  'MemberSuspicionBase',
  'MemberShiftBase',
] as const;

/**
 * How long before `now` the run settles, as late as the job's defaults leave it: 2 minutes'
 * settling plus a 5-minute interval, so suspicion and shifts read rows scored 7 minutes before
 * the call and compute what changed since (the hourly rollups reach the same hour unless one
 * began in the last 7 minutes).
 */
const SETTLE_MS = 7 * 60_000;

/**
 * Brings the rollups up to `now` (the first run aggregates the whole dataset, later runs find
 * them done; guild quarter-hour counts missing from a dataset rolled up before they existed
 * are counted by the same run, as on an upgraded instance) and describes what it did. Then
 * vacuums the rollup tables, as autovacuum would on a server that runs it: this machine's
 * PostgreSQL has autovacuum off (a CI setting), and an index-only read of a table whose pages
 * were never marked all-visible visits the heap for every row (ChannelAuthor's first fill:
 * the channel statements took about twice as long). Vacuuming tables already vacuumed reads
 * only the pages changed since.
 */
export const runRollupsForBench = async (db: Database, now: Date): Promise<string> => {
  const startMs = performance.now();
  // A dataset rolled up before the running totals existed gets them once.
  const [totals] = await db.query<{ any: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "MemberDayTotal") AS any`,
  );
  if (!totals?.any) await backfillMemberDayTotals(db);
  const run = await runRollups(db, { now, settleMs: SETTLE_MS });
  const seconds = (performance.now() - startMs) / 1_000;
  const vacuumStartMs = performance.now();
  for (const table of ROLLUP_TABLES) await db.query(`VACUUM (ANALYZE) "${table}"`);
  const vacuumSeconds = (performance.now() - vacuumStartMs) / 1_000;
  const [rows] = await db.query<{ presence: number; activity: number; quarters: number }>(
    `SELECT (SELECT count(*) FROM "PresenceRollup")::int AS presence,
            (SELECT count(*) FROM "ActivityRollup")::int AS activity,
            (SELECT count(*) FROM "GuildQuarterCount")::int AS quarters`,
  );
  return `${run.hours.toLocaleString('en-US')} hours aggregated in ${seconds.toFixed(1)} s, rolled until ${run.rolledUntil?.toISOString() ?? 'never'}, rollup tables vacuumed in ${vacuumSeconds.toFixed(1)} s; PresenceRollup ${rows?.presence.toLocaleString('en-US')} rows, ActivityRollup ${rows?.activity.toLocaleString('en-US')} rows, GuildQuarterCount ${rows?.quarters.toLocaleString('en-US')} rows`;
};
