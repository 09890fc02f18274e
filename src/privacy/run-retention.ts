import type { Database } from '../store/database.ts';
import { listGuildSettings } from '../store/privacy/get-guild-settings.ts';
import { applyRetentionStep, countRetentionStep } from '../store/retention/apply-retention-step.ts';
import { decideRetention } from './retention-policy.ts';

/** Where a retention run is: rows done of the total it counted before starting. */
export interface RetentionProgress {
  table: string;
  done: number;
  total: number;
}

/** Options of {@link runRetention}. */
export interface RunRetentionOptions {
  now: Date;
  batchRows?: number;
  onProgress?: (progress: RetentionProgress) => void;
}

/**
 * Decides retention for `now` from every guild's overrides, then applies it. Resolves to rows
 * removed per table (archived, for AuditLog), every trimmed table listed.
 */
export const runRetention = async (
  db: Database,
  options: RunRetentionOptions,
): Promise<Record<string, number>> => {
  const settings = await listGuildSettings(db);
  const steps = decideRetention(
    options.now,
    settings.map((row) => ({ guildId: row.guildId, days: row.retentionDays })),
  );
  const counts = await Promise.all(steps.map((step) => countRetentionStep(db, step)));
  const total = counts.reduce((sum, n) => sum + n, 0);
  const removed: Record<string, number> = {};
  let done = 0;
  for (const step of steps) {
    const rows = await applyRetentionStep(db, step, {
      batchRows: options.batchRows ?? 5_000,
      onBatch: (batch) => {
        done += batch;
        options.onProgress?.({ table: step.table, done, total: Math.max(total, done) });
      },
    });
    removed[step.table] = (removed[step.table] ?? 0) + rows;
  }
  return removed;
};
