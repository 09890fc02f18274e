import { collectDefaultMetrics, Registry } from 'prom-client';
import { createApp } from '../../api/app.ts';
import { parseConfig } from '../../config/config.ts';
import { openDatabase } from '../../store/open-database.ts';
import { resolveJwtSecret } from '../jwt-secret.ts';
import { createLogger } from '../logger.ts';

/** How long a graceful stop may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const connectHelp = [
  'No DISCORD_TOKEN is set, so no bot is running: the API and dashboard serve what is stored.',
  'To monitor your own servers: create an application at https://discord.com/developers/applications,',
  'add a bot, enable the Server Members and Presence intents, invite it to your server, then',
  'start again with DISCORD_TOKEN=<bot token> (and DISCORD_CLIENT_ID / DISCORD_CLIENT_SECRET for login).',
].join('\n');

/** `spywatcher start`: the whole product in one process. */
export const runStart = async (env: Record<string, string | undefined>): Promise<void> => {
  const config = parseConfig(env);
  const log = createLogger(config.LOG_LEVEL);
  resolveJwtSecret({ configured: config.JWT_SECRET, dataDir: config.SPYWATCHER_DATA_DIR, log });
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.SPYWATCHER_DATA_DIR,
    onIdleError: (error) => log.warn({ err: error }, 'database connection lost'),
  });
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const app = await createApp({ db, log, metrics });
  await app.listen({ port: config.PORT, host: config.HOST });

  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const banner = [
    `Spywatcher is listening on http://${shown}:${config.PORT}`,
    `Database: ${db.description}`,
  ];
  if (config.DISCORD_TOKEN === undefined) banner.push(connectHelp);
  console.log(banner.join('\n'));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`Received ${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`Received ${signal}: stopping…`);
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    void app
      .close()
      .then(() => db.close())
      .then(
        () => {
          console.log('Stopped.');
          process.exit(0);
        },
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};
