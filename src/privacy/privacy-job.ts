import type { Logger } from 'pino';
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
  let running: Promise<MaintenanceReport> | undefined;
  const runNow = (): Promise<MaintenanceReport> => {
    running ??= runPrivacyMaintenance(options.db, {
      now: now(),
      log: options.log,
      ...(options.graceDays === undefined ? {} : { graceDays: options.graceDays }),
    }).finally(() => {
      running = undefined;
    });
    return running;
  };
  const tick = () => {
    runNow().catch((error: unknown) => options.log.warn({ err: error }, 'privacy job failed'));
  };
  const first = setTimeout(() => {
    tick();
    timer = setInterval(tick, options.intervalMs ?? privacyJobDefaults.intervalMs);
    timer.unref();
  }, options.firstDelayMs ?? privacyJobDefaults.firstDelayMs);
  first.unref();
  let timer: NodeJS.Timeout | undefined;
  return {
    runNow,
    stop: async () => {
      clearTimeout(first);
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
};
