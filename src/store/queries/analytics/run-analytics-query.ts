import type { Database, Queryable } from '../../database.ts';

const isPostgres = (db: Queryable): db is Database =>
  'kind' in db && (db as Database).kind === 'postgres' && 'transaction' in db;

/**
 * Runs an analytic query with PostgreSQL's JIT off (in its own transaction, `SET LOCAL`): the
 * planner's estimates over large tables cross `jit_above_cost`, and compiling the expressions
 * cost about a second, more than the whole query (measured on the 10M-row benchmark dataset).
 */
export const runAnalyticsQuery = <Row extends object>(
  db: Queryable,
  text: string,
  params: readonly unknown[],
): Promise<Row[]> => {
  if (!isPostgres(db)) return db.query<Row>(text, params);
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return tx.query<Row>(text, params);
  });
};
