import { parseConfig } from '../../config/config.ts';
import type { Database } from '../../store/database.ts';
import { openDatabase } from '../../store/open-database.ts';

/** Opens the configured database (migrated), runs `fn`, and closes it whatever happens. */
export const withDatabase = async <T>(
  env: Record<string, string | undefined>,
  fn: (db: Database) => Promise<T>,
): Promise<T> => {
  const config = parseConfig(env);
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.SPYWATCHER_DATA_DIR,
  });
  try {
    await db.migrate();
    return await fn(db);
  } finally {
    await db.close();
  }
};
