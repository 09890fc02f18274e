import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

/** Drizzle over either backend; typed queries use this. */
export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Raw parameterized SQL, for statements Drizzle cannot build (bulk `unnest` writes, DDL). */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

/** The store's IO seam: embedded PGlite or a PostgreSQL pool, the same to every caller. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  readonly orm: Orm;
  /** Where the data lives, without credentials, for logs and start-up messages. */
  readonly description: string;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Applies every pending migration; safe to call from several processes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** The folder of the generated, committed migrations. */
export const migrationsFolder = new URL('./migrations', import.meta.url).pathname;
