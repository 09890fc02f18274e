import type { Logger } from 'pino';
import { startPeriodicJob } from '../../jobs/periodic-job.ts';
import type { Database } from '../database.ts';
import { type RollupRun, runRollups } from './run-rollups.ts';

/** Options of {@link startRollupJob}. */
export interface RollupJobOptions {
  db: Database;
  log: Logger;
  /** Time between runs; 0 starts nothing (analytics then read raw rows only). */
  intervalMs: number;
  /** The first run, this long after start (not during start-up). */
  firstDelayMs?: number;
  now?: () => Date;
}

/** The scheduled job; `stop` waits for a run in progress. */
export interface RollupJob {
  runNow(): Promise<RollupRun>;
  stop(): Promise<void>;
}

/**
 * Runs {@link runRollups} on a timer, one run at a time. Several processes may run it: a run
 * replaces whole buckets in one transaction per day, so two at once write the same rows.
 */
export const startRollupJob = (options: RollupJobOptions): RollupJob => {
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () => runRollups(options.db, { now: now() }),
    intervalMs: options.intervalMs,
    firstDelayMs: options.firstDelayMs ?? 5_000,
    onResult: (run) => {
      if (run.hours > 1) options.log.info({ ...run }, 'analytics rollups caught up');
    },
    onError: (error) => options.log.warn({ err: error }, 'analytics rollup job failed'),
  });
};
