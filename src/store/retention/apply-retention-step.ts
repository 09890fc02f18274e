import { partitionedTables } from '../../privacy/partition-policy.ts';
import type { RetentionStep } from '../../privacy/retention-policy.ts';
import type { Queryable } from '../database.ts';
import { toStepCondition } from './retention-step-sql.ts';

/** The columns AuditLog and AuditLogArchive share. */
const AUDIT_COLUMNS = `id, "userId", action, "guildId", resource, "resourceId", details, "ipAddress", "userAgent", "timestamp"`;

/** How many rows a step would remove now. */
export const countRetentionStep = async (db: Queryable, step: RetentionStep): Promise<number> => {
  const { where, params } = toStepCondition(step);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "${step.table}" WHERE ${where}`,
    params,
  );
  return row?.n ?? 0;
};

/**
 * Rows of one batch, located by `ctid` so tables without an `id` work too. A `ctid` is unique
 * only within one table, so on a partitioned table the pick pairs it with `tableoid` (the
 * partition) and repeats the condition, for the planner to prune partitions and use indexes.
 */
const pickSql = (step: RetentionStep, where: string, limit: number): string => {
  const partitioned = partitionedTables.some((p) => p.table === step.table);
  if (!partitioned) {
    return `ctid = ANY(ARRAY(SELECT ctid FROM "${step.table}" WHERE ${where} LIMIT ${limit}))`;
  }
  return `${where} AND (tableoid, ctid) IN (SELECT tableoid, ctid FROM "${step.table}" WHERE ${where} LIMIT ${limit})`;
};

/** One batch: at most `limit` rows. */
const batchSql = (step: RetentionStep, where: string, limit: number): string => {
  const pick = pickSql(step, where, limit);
  if (step.type === 'archive') {
    // Moved, not deleted: the seed's AuditLog → AuditLogArchive, in the same statement.
    return `WITH moved AS (DELETE FROM "AuditLog" WHERE ${pick} RETURNING ${AUDIT_COLUMNS}),
      archived AS (INSERT INTO "AuditLogArchive" (${AUDIT_COLUMNS}) SELECT ${AUDIT_COLUMNS} FROM moved
        ON CONFLICT (id) DO NOTHING)
      SELECT count(*)::int AS n FROM moved`;
  }
  return `WITH gone AS (DELETE FROM "${step.table}" WHERE ${pick} RETURNING 1)
    SELECT count(*)::int AS n FROM gone`;
};

/**
 * Applies a step in batches of `batchRows` (each its own short statement, so a large expiry
 * never holds long locks), calling `onBatch` with each batch's count. Returns rows removed.
 */
export const applyRetentionStep = async (
  db: Queryable,
  step: RetentionStep,
  options: { batchRows: number; onBatch?: (rows: number) => void },
): Promise<number> => {
  const { where, params } = toStepCondition(step);
  let total = 0;
  for (;;) {
    const [row] = await db.query<{ n: number }>(batchSql(step, where, options.batchRows), params);
    const n = row?.n ?? 0;
    total += n;
    if (n > 0) options.onBatch?.(n);
    if (n < options.batchRows) return total;
  }
};
