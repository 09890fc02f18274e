import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { startPrivacyJob } from '../privacy/privacy-job.ts';
import type { Database } from '../store/database.ts';
import { startRollupJob } from '../store/rollups/rollup-job.ts';

/**
 * The server's background jobs: privacy (retention, guild purges, partitions) and analytics
 * rollups. Returns a function that stops both, waiting for passes in progress.
 */
export const startJobs = (config: Config, db: Database, log: Logger): (() => Promise<void>) => {
  const privacyJob = startPrivacyJob({ db, log });
  const rollupJob = startRollupJob({
    db,
    log,
    intervalMs: config.ANALYTICS_ROLLUP_INTERVAL_SECONDS * 1_000,
  });
  return async () => {
    await Promise.all([privacyJob.stop(), rollupJob.stop()]);
  };
};
