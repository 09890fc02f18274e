import type { Database, Queryable } from '../database.ts';
import { rollAheadBases } from './roll-ahead-bases.ts';
import { rollChannelAuthors } from './roll-channel-authors.ts';
import { rollGuildCounts } from './roll-guild-counts.ts';
import { rollTrailingTotals } from './roll-trailing-totals.ts';
import { getRolledUntil, lockRollups, setRolledUntil } from './rollup-state.ts';
import {
  DELETE_MEMBER_DAY_TOTALS,
  deleteRollupBuckets,
  GET_EARLIEST_EVENT,
  INSERT_ACTIVITY_ROLLUP,
  INSERT_MEMBER_DAY_TOTALS,
  INSERT_PRESENCE_COMBO_ROLLUP,
  INSERT_PRESENCE_ROLLUP,
  UPSERT_MEMBER_DAY_TOTALS,
} from './rollup-statements.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Options of {@link runRollups}. */
export interface RollupOptions {
  now: Date;
  /**
   * Hours before the last rolled hour that every run aggregates again, for rows written after
   * their hour ended (a batch flushed late, events replayed after a resume). Default 1.
   */
  redoHours?: number;
  /**
   * How long after an hour ends it is rolled up, so rows still in flight land first.
   * Default 2 minutes.
   */
  settleMs?: number;
}

/** What one run did. */
export interface RollupRun {
  /** Every hour before this is rolled up; null when there is no data yet. */
  rolledUntil: Date | null;
  hours: number;
}

const tables = ['PresenceRollup', 'PresenceComboRollup', 'ActivityRollup'] as const;
const inserts = [INSERT_PRESENCE_ROLLUP, INSERT_PRESENCE_COMBO_ROLLUP, INSERT_ACTIVITY_ROLLUP];

const rollBuckets = async (tx: Queryable, from: Date, to: Date, bucketHours: 1 | 24) => {
  for (const [i, table] of tables.entries()) {
    await tx.query(deleteRollupBuckets(table), [from, to, bucketHours]);
    await tx.query(inserts[i] as string, [from, to, bucketHours]);
  }
};

/**
 * Aggregates every complete UTC hour (and day) since the last run into the rollup tables,
 * one day per transaction, then moves the watermark. The last `redoHours` rolled hours are
 * aggregated again each run; rows older than that which arrive late are not counted by the
 * rollups until they are rebuilt. The first run starts at the earliest stored event. The
 * guild quarter-hour counts and the channels' authors follow up to the same watermark
 * ({@link rollGuildCounts}, {@link rollChannelAuthors}), the trailing totals up to the hour
 * before the redone ones ({@link rollTrailingTotals}), and suspicion and behaviour shifts are
 * scored ahead up to the settled instant ({@link rollAheadBases}).
 */
export const runRollups = async (db: Database, options: RollupOptions): Promise<RollupRun> => {
  // Rows still in flight land before this: the hours before it are rolled up, and suspicion and
  // shifts are scored ahead for the 7 days before it.
  const settled = new Date(options.now.getTime() - (options.settleMs ?? 120_000));
  const target = Math.floor(settled.getTime() / HOUR_MS);
  const previous = await getRolledUntil(db);
  let startMs: number;
  if (previous) {
    startMs = previous.getTime() - (options.redoHours ?? 1) * HOUR_MS;
  } else {
    const [earliest] = await db.query<{ at: Date | null }>(GET_EARLIEST_EVENT);
    if (!earliest?.at) return { rolledUntil: null, hours: 0 };
    startMs = Math.floor(new Date(earliest.at).getTime() / HOUR_MS) * HOUR_MS;
  }
  const endMs = target * HOUR_MS;
  const redoHours = options.redoHours ?? 1;
  if (startMs >= endMs) {
    if (previous) {
      await rollGuildCounts(db, { until: previous, redoHours });
      await rollChannelAuthors(db, { until: previous, redoHours });
      await rollTrailingTotals(db, { anchor: new Date(previous.getTime() - redoHours * HOUR_MS) });
      await rollAheadBases(db, { endsAt: settled });
    }
    return { rolledUntil: previous, hours: 0 };
  }
  for (let dayMs = Math.floor(startMs / DAY_MS) * DAY_MS; dayMs < endMs; dayMs += DAY_MS) {
    const from = new Date(Math.max(dayMs, startMs));
    const to = new Date(Math.min(dayMs + DAY_MS, endMs));
    await db.transaction(async (tx) => {
      await lockRollups(tx);
      await rollBuckets(tx, from, to, 1);
      if (dayMs + DAY_MS <= endMs) {
        await rollBuckets(tx, new Date(dayMs), new Date(dayMs + DAY_MS), 24);
      }
      await tx.query(UPSERT_MEMBER_DAY_TOTALS, [new Date(dayMs), to]);
      await setRolledUntil(tx, to);
    });
  }
  const hours = (endMs - startMs) / HOUR_MS;
  // After a catch-up (the first run, a rebuild) the planner needs statistics before autovacuum
  // would gather them: without them it expects one row per bucket range and picks nested loops.
  if (hours > 24) {
    await db.query(`ANALYZE ${[...tables, 'MemberDayTotal'].map((t) => `"${t}"`).join(', ')}`);
  }
  await rollGuildCounts(db, { until: new Date(endMs), redoHours });
  await rollChannelAuthors(db, { until: new Date(endMs), redoHours });
  await rollTrailingTotals(db, { anchor: new Date(endMs - redoHours * HOUR_MS) });
  await rollAheadBases(db, { endsAt: settled });
  return { rolledUntil: new Date(endMs), hours };
};

/**
 * Computes the running totals (MemberDayTotal) of every rolled-up day again from the hourly
 * rollups, oldest first, without touching the rollups themselves: after an upgrade that added
 * the totals to rollups already in place (until then the analytics read the rollups for the
 * days the totals do not cover).
 */
export const backfillMemberDayTotals = async (db: Database): Promise<number> => {
  const rolledUntil = await getRolledUntil(db);
  const [first] = await db.query<{ at: Date | null }>(
    `SELECT min(bucket) AS at FROM "PresenceRollup" WHERE "bucketHours" = 1`,
  );
  if (!rolledUntil || !first?.at) return 0;
  let days = 0;
  const endMs = rolledUntil.getTime();
  for (
    let dayMs = Math.floor(new Date(first.at).getTime() / DAY_MS) * DAY_MS;
    dayMs < endMs;
    dayMs += DAY_MS
  ) {
    await db.transaction(async (tx) => {
      await lockRollups(tx);
      await tx.query(DELETE_MEMBER_DAY_TOTALS, [new Date(dayMs)]);
      await tx.query(INSERT_MEMBER_DAY_TOTALS, [
        new Date(dayMs),
        new Date(Math.min(dayMs + DAY_MS, endMs)),
      ]);
    });
    days += 1;
  }
  await db.query(`ANALYZE "MemberDayTotal"`);
  return days;
};
