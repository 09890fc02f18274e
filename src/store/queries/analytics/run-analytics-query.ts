import type { Database, Queryable } from '../../database.ts';

const isDatabase = (db: Queryable): db is Database => 'kind' in db && 'transaction' in db;
const isPostgres = (db: Queryable): db is Database =>
  isDatabase(db) && (db as Database).kind === 'postgres';

/**
 * For one transaction: no JIT — the planner's estimates over large tables cross
 * `jit_above_cost`, and compiling the expressions cost about a second, more than the whole
 * query — and no parallel workers: an analytic reads index-bounded ranges (tens of thousands of
 * rows), where starting workers, sorting their partial aggregates and merging them cost more
 * than they save (2 cores, 10M-row benchmark dataset, one call each: ghosts 178 → 85 ms,
 * lurkers 176 → 92 ms, multi-client 156 → 92 ms, shifts 2.9 → 2.1 s; none slower), and a
 * busy API would have requests competing for the same few workers anyway.
 */
const ANALYTICS_SETTINGS = `SELECT set_config('jit', 'off', true),
  set_config('max_parallel_workers_per_gather', '0', true)`;

/**
 * {@link ANALYTICS_SETTINGS} and random_page_cost 1.1, for a statement that reads a window's
 * events through a covering index (Message and TypingEvent's (guildId, timestamp) INCLUDE
 * ("userId", "channelId"), 0009). At the default 4 the planner prices each page of that index, read in order, as a random
 * read, and prefers the five times smaller timestamp index with a heap visit per row, which
 * took twice as long (10M-row benchmark dataset: a week of the big guild's 124,134 messages,
 * 35 → 17 ms) for more pages read in all.
 */
const INDEX_ONLY_SETTINGS = `${ANALYTICS_SETTINGS}, set_config('random_page_cost', '1.1', true)`;

/** Options of {@link runAnalyticsQuery}. */
export interface AnalyticsQueryOptions {
  /** The statement reads events through a covering index: see INDEX_ONLY_SETTINGS. */
  indexOnly?: boolean;
  /**
   * work_mem for the statement, e.g. `'16MB'`, where a sort of every member would otherwise
   * spill to disk at the default 4 MB (a constant here, never user input).
   */
  workMem?: '16MB';
}

const settingsOf = (options: AnalyticsQueryOptions) =>
  `${options.indexOnly ? INDEX_ONLY_SETTINGS : ANALYTICS_SETTINGS}${
    options.workMem ? `, set_config('work_mem', '${options.workMem}', true)` : ''
  }`;

/**
 * Runs an analytic query in its own transaction with {@link ANALYTICS_SETTINGS} (or
 * {@link INDEX_ONLY_SETTINGS} with `options.indexOnly`).
 */
export const runAnalyticsQuery = <Row extends object>(
  db: Queryable,
  text: string,
  params: readonly unknown[],
  options: AnalyticsQueryOptions = {},
): Promise<Row[]> => {
  if (!isPostgres(db)) return db.query<Row>(text, params);
  return db.transaction(async (tx) => {
    await tx.query(settingsOf(options));
    return tx.query<Row>(text, params);
  });
};

/**
 * {@link runAnalyticsQuery} for an analytic that first reads something the rollup job moves
 * (a watermark) and then the rows it bounds: `fn` runs in one REPEATABLE READ transaction on
 * PostgreSQL, so both come from one snapshot whatever the job commits meanwhile (PGlite runs
 * one transaction at a time).
 */
export const runAnalyticsSnapshot = <Row extends object>(
  db: Queryable,
  fn: (tx: Queryable) => Promise<Row[]>,
  options: AnalyticsQueryOptions = {},
): Promise<Row[]> => {
  if (!isDatabase(db)) return fn(db);
  if (db.kind !== 'postgres') return db.transaction(fn);
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await tx.query(settingsOf(options));
    return fn(tx);
  });
};
