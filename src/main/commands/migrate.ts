import { parseConfig } from '../../config/config.ts';
import { openDatabase } from '../../store/open-database.ts';

/** `spywatcher migrate`: applies pending migrations and exits. */
export const runMigrate = async (env: Record<string, string | undefined>): Promise<void> => {
  const config = parseConfig(env);
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.SPYWATCHER_DATA_DIR,
  });
  try {
    await db.migrate();
    console.log(`Migrations applied: ${db.description} is up to date.`);
  } finally {
    await db.close();
  }
};
