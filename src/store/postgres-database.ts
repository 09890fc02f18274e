import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { type Database, migrationsFolder, type Orm } from './database.ts';
import * as schema from './schema/index.ts';

/** Options of {@link openPostgresDatabase}. */
export interface PostgresOptions {
  url: string;
  poolSize?: number;
  /** Called when an idle pooled connection fails (e.g. the server restarts); must not throw. */
  onIdleError?: (error: Error) => void;
}

/** An arbitrary constant naming Spywatcher's migration lock among advisory locks. */
const MIGRATION_LOCK_KEY = 7_420_196_105;

/** `postgres://user@host:port/db`, with any password removed. */
export const describePostgresUrl = (url: string): string => {
  const parsed = new URL(url);
  parsed.password = '';
  return `PostgreSQL at ${parsed.host}${parsed.pathname}`;
};

/** Connects a pool to PostgreSQL. */
export const openPostgresDatabase = async (options: PostgresOptions): Promise<Database> => {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: 'spywatcher',
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  const orm = drizzle({ client: pool, schema }) as unknown as Orm;
  return {
    kind: 'postgres',
    orm,
    description: describePostgresUrl(options.url),
    query: async (text, params) => (await pool.query(text, params ? [...params] : [])).rows,
    transaction: async (fn) => {
      const client = await pool.connect();
      // A checked-out client reports a dropped connection as an 'error' event; unheard, that
      // event would kill the process. The failing query rejects as well, which is what we act on.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (text, params) => (await client.query(text, params ? [...params] : [])).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken ??= rollbackError;
        });
        throw error;
      } finally {
        client.off('error', onError);
        // A broken connection is discarded, not returned to the pool.
        client.release(broken);
      }
    },
    migrate: async () => {
      // One connection holds an advisory lock, so processes starting together migrate in turn.
      const client = new pg.Client({ connectionString: options.url });
      client.on('error', (error) => options.onIdleError?.(error));
      await client.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrate(drizzle({ client, schema }), { migrationsFolder });
      } finally {
        await client
          .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
          .catch(() => undefined);
        await client.end();
      }
    },
    close: () => pool.end(),
  };
};
