import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { lockDataDir } from './data-dir-lock.ts';
import { type Database, migrationsFolder, type Orm } from './database.ts';
import * as schema from './schema/index.ts';

/** Where PGlite keeps its files: a data folder, or memory (tests). */
export type PgliteLocation = { dataDir: string } | { inMemory: true };

/** Opens embedded PostgreSQL (PGlite); a data folder is locked against a second process. */
export const openPgliteDatabase = async (location: PgliteLocation): Promise<Database> => {
  const dir = 'dataDir' in location ? resolve(location.dataDir, 'pglite') : undefined;
  const lock = dir === undefined ? undefined : lockDataDir(`${dir}.lock`, dir);
  let client: PGlite;
  try {
    client = dir === undefined ? new PGlite() : new PGlite(dir);
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const orm = drizzle({ client, schema }) as unknown as Orm;
  return {
    kind: 'pglite',
    orm,
    description: dir === undefined ? 'embedded PGlite (in memory)' : `embedded PGlite at ${dir}`,
    query: async (text, params) =>
      (await client.query(text, params ? [...params] : [])).rows as never,
    transaction: (fn) =>
      client.transaction((tx) =>
        fn({
          query: async (text, params) =>
            (await tx.query(text, params ? [...params] : [])).rows as never,
        }),
      ),
    migrate: () =>
      migrate(drizzle({ client, schema }), { migrationsFolder: join(migrationsFolder) }),
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
};
