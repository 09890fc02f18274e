import type { Database } from '../store/database.ts';
import { listGuildSettings } from '../store/privacy/get-guild-settings.ts';
import { applyPartitionChange } from '../store/retention/apply-partition-change.ts';
import { applyRetentionStep, countRetentionStep } from '../store/retention/apply-retention-step.ts';
import { listEventPartitions } from '../store/retention/list-event-partitions.ts';
import { decidePartitionChanges, partitionedTables } from './partition-policy.ts';
import { decideRetention, type GuildRetention } from './retention-policy.ts';

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
 * Keeps the weekly partitions of the event tables: creates the coming weeks' and drops the
 * weeks expired for every guild. Resolves to rows dropped per table.
 */
const maintainPartitions = async (
  db: Database,
  now: Date,
  overrides: readonly GuildRetention[],
): Promise<Record<string, number>> => {
  const existing = await listEventPartitions(
    db,
    partitionedTables.map((p) => p.table),
  );
  const dropped: Record<string, number> = {};
  for (const change of decidePartitionChanges(now, existing, overrides)) {
    const rows = await applyPartitionChange(db, change);
    dropped[change.table] = (dropped[change.table] ?? 0) + rows;
  }
  return dropped;
};

/**
 * Decides retention for `now` from every guild's overrides, then applies it: whole weekly
 * partitions first, then batched deletes for the rest. Resolves to rows removed per table
 * (archived, for AuditLog), every trimmed table listed.
 */
export const runRetention = async (
  db: Database,
  options: RunRetentionOptions,
): Promise<Record<string, number>> => {
  const settings = await listGuildSettings(db);
  const overrides = settings.map((row) => ({ guildId: row.guildId, days: row.retentionDays }));
  const removed = await maintainPartitions(db, options.now, overrides);
  const steps = decideRetention(options.now, overrides);
  const counts = await Promise.all(steps.map((step) => countRetentionStep(db, step)));
  const total = counts.reduce((sum, n) => sum + n, 0);
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
