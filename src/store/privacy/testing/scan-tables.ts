import type { Queryable } from '../../database.ts';
import { listTableNames } from '../../schema-tables.ts';

/**
 * Rows of every table (from the schema) whose whole text contains any of `needles`: a scan
 * that trusts no column list, to prove nothing was left behind. Tables with no hit are left out.
 */
export const scanTables = async (
  db: Queryable,
  needles: readonly string[],
): Promise<Record<string, number>> => {
  const found: Record<string, number> = {};
  for (const table of listTableNames()) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" t WHERE t::text LIKE ANY($1::text[])`,
      [needles.map((needle) => `%${needle}%`)],
    );
    if (row && row.n > 0) found[table] = row.n;
  }
  return found;
};
