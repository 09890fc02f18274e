import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../src/store/database.ts';
import { openDatabase } from '../src/store/open-database.ts';

/** A migrated throw-away database; `dispose` closes and deletes it. */
export interface BenchDatabase {
  db: Database;
  /** The PostgreSQL URL of the throw-away database; undefined on PGlite. */
  url: string | undefined;
  dispose(): Promise<void>;
}

const withAdmin = async (serverUrl: string, sql: string) => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

/** A new database on the server `serverUrl` names, or embedded PGlite in a temporary folder. */
export const createBenchDatabase = async (
  serverUrl: string | undefined,
): Promise<BenchDatabase> => {
  if (serverUrl === undefined) {
    const dataDir = await mkdtemp(join(tmpdir(), 'spywatcher-bench-'));
    const db = await openDatabase({ dataDir });
    await db.migrate();
    return {
      db,
      url: undefined,
      dispose: async () => {
        await db.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `spw_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  await db.migrate();
  return {
    db,
    url: url.toString(),
    dispose: async () => {
      await db.close();
      await withAdmin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
};
