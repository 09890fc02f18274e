import type { Database } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** A `postgres://` URL; without one, embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  onIdleError?: (error: Error) => void;
}

/** Opens PostgreSQL when a URL is given, embedded PGlite in the data folder otherwise. */
export const openDatabase = (options: OpenDatabaseOptions): Promise<Database> =>
  options.databaseUrl === undefined
    ? openPgliteDatabase({ dataDir: options.dataDir })
    : openPostgresDatabase({
        url: options.databaseUrl,
        ...(options.onIdleError ? { onIdleError: options.onIdleError } : {}),
      });
