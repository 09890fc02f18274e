import { parseConfig } from '../../config/config.ts';
import type { Database } from '../../store/database.ts';
import { openDatabase } from '../../store/open-database.ts';

/** Runs `work` on the configured database, migrated first, and closes it after. */
export const withCommandDatabase = async <T>(
  env: Record<string, string | undefined>,
  work: (db: Database) => Promise<T>,
): Promise<T> => {
  const config = parseConfig(env);
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.SPYWATCHER_DATA_DIR,
  });
  try {
    await db.migrate();
    return await work(db);
  } finally {
    await db.close();
  }
};
