import type { PartitionChange } from '../../privacy/partition-policy.ts';
import type { Database } from '../database.ts';

/** A timestamptz literal for DDL, which takes no parameters; only ever built from a Date. */
const literal = (date: Date): string => `'${date.toISOString()}'`;

/**
 * Applies one partition change; resolves to the rows it removed (those of a dropped week).
 * A new week is created beside the table, filled with any of its rows waiting in DEFAULT (else
 * the attach would fail), then attached: ATTACH locks the table less than CREATE … PARTITION OF.
 */
export const applyPartitionChange = async (
  db: Database,
  change: PartitionChange,
): Promise<number> => {
  if (change.type === 'drop') {
    return db.transaction(async (tx) => {
      const [row] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${change.name}"`,
      );
      await tx.query(`DROP TABLE "${change.name}"`);
      return row?.n ?? 0;
    });
  }
  const range = `"timestamp" >= ${literal(change.from)} AND "timestamp" < ${literal(change.to)}`;
  return db.transaction(async (tx) => {
    const [found] = await tx.query<{ oid: string | null }>(`SELECT to_regclass($1)::text AS oid`, [
      `"${change.name}"`,
    ]);
    if (found?.oid) return 0;
    await tx.query(
      `CREATE TABLE "${change.name}" (LIKE "${change.table}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)`,
    );
    // Generated columns (Presence's platforms) are computed again, not copied.
    const [stored] = await tx.query<{ columns: string }>(
      `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns
       FROM pg_attribute
       WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
      [`"${change.table}"`],
    );
    await tx.query(
      `WITH moved AS (DELETE FROM "${change.table}_default" WHERE ${range} RETURNING *)
       INSERT INTO "${change.name}" (${stored?.columns}) SELECT ${stored?.columns} FROM moved`,
    );
    await tx.query(
      `ALTER TABLE "${change.table}" ATTACH PARTITION "${change.name}"
       FOR VALUES FROM (${literal(change.from)}) TO (${literal(change.to)})`,
    );
    return 0;
  });
};
