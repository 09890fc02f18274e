import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Database } from '../database.ts';
import { openPgliteDatabase } from '../pglite-database.ts';
import { openPostgresDatabase } from '../postgres-database.ts';
import { listTableNames } from '../schema-tables.ts';

/** A database kind a shared test suite runs on. */
export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database of this kind. */
  create(): Promise<TestDatabase>;
}

/** A throw-away database: `dispose` closes it and, on PostgreSQL, drops it. */
export interface TestDatabase {
  readonly db: Database;
  dispose(): Promise<void>;
}

const pglite: TestBackend = {
  name: 'pglite',
  create: async () => {
    const db = await openPgliteDatabase({ inMemory: true });
    await db.migrate();
    return { db, dispose: () => db.close() };
  },
};

const postgres = (serverUrl: string): TestBackend => ({
  name: 'postgres',
  create: async () => {
    const name = `spw_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openPostgresDatabase({ url: url.toString(), poolSize: 4 });
    await db.migrate();
    return {
      db,
      dispose: async () => {
        await db.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  },
});

/** PGlite always; PostgreSQL too when `TEST_DATABASE_URL` names a server. */
export const testBackends = (): TestBackend[] => {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
};

/** Empties every table of the schema (fast, keeps the migrated structure). */
export const resetDatabase = async (db: Database): Promise<void> => {
  const tables = listTableNames().map((name) => `"${name}"`);
  await db.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
};

/**
 * One migrated database for the whole test file (a fresh PGlite takes seconds), emptied
 * before each test. Call inside `describe`; read the database in tests through the getter.
 */
export const useTestDatabase = (backend: TestBackend): (() => Database) => {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await backend.create();
  });
  afterAll(async () => {
    await current?.dispose();
  });
  beforeEach(async () => {
    if (current) await resetDatabase(current.db);
  });
  return () => {
    if (!current) throw new Error('The test database is not open yet.');
    return current.db;
  };
};
