import type { Logger } from 'pino';
import { startPeriodicJob } from '../jobs/periodic-job.ts';
import type { Database } from '../store/database.ts';
import { type MaintenanceReport, runPrivacyMaintenance } from './run-privacy-maintenance.ts';

/** Options of {@link startPrivacyJob}. */
export interface PrivacyJobOptions {
  db: Database;
  log: Logger;
  /** Time between passes; the first pass runs `firstDelayMs` after start. */
  intervalMs?: number;
  firstDelayMs?: number;
  graceDays?: number;
  now?: () => Date;
}

/** The scheduled job; `stop` waits for a pass in progress. */
export interface PrivacyJob {
  runNow(): Promise<MaintenanceReport>;
  stop(): Promise<void>;
}

/** Defaults: a pass an hour, the first a minute after start (not during start-up). */
export const privacyJobDefaults = { intervalMs: 3_600_000, firstDelayMs: 60_000 } as const;

/**
 * Runs retention, guild purges and the opt-out sweep on a timer, one pass at a time. Every
 * process may run it: each step deletes only what is due, so two passes at once do no harm.
 */
export const startPrivacyJob = (options: PrivacyJobOptions): PrivacyJob => {
  const now = options.now ?? (() => new Date());
  return startPeriodicJob({
    run: () =>
      runPrivacyMaintenance(options.db, {
        now: now(),
        log: options.log,
        ...(options.graceDays === undefined ? {} : { graceDays: options.graceDays }),
      }),
    intervalMs: options.intervalMs ?? privacyJobDefaults.intervalMs,
    firstDelayMs: options.firstDelayMs ?? privacyJobDefaults.firstDelayMs,
    onError: (error) => options.log.warn({ err: error }, 'privacy job failed'),
  });
};
