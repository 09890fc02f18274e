import { type Config, parseConfig } from '../../config/config.ts';
import { createBot } from '../../ingest/bot.ts';
import { createIngestMetrics } from '../../ingest/ingest-metrics.ts';
import { createLivePublisher } from '../../live/live-publisher.ts';
import { openDatabase } from '../../store/open-database.ts';
import { connectHelp } from '../connect-help.ts';
import { runDemo } from '../demo/run-demo.ts';
import { resolveJwtSecret } from '../jwt-secret.ts';
import { createLogger } from '../logger.ts';
import { serve } from '../serve.ts';
import { trapSignals } from '../shutdown.ts';
import { startJobs } from '../start-jobs.ts';
import { toAuthOptions } from '../to-auth-options.ts';

/**
 * `spywatcher start`: the whole product in one process. With a token it monitors the real
 * servers; with neither a token nor DATABASE_URL it runs the demo; with only DATABASE_URL it
 * serves what is stored.
 */
export const runStart = async (env: Record<string, string | undefined>): Promise<void> => {
  const config = parseConfig(env);
  if (config.DISCORD_TOKEN === undefined && config.DATABASE_URL === undefined) {
    await runDemo(config, { reason: 'No DISCORD_TOKEN is set, so Spywatcher runs its demo.' });
    return;
  }
  await runProduct(config, config.DISCORD_TOKEN);
};

const runProduct = async (config: Config, token: string | undefined): Promise<void> => {
  const log = createLogger(config.LOG_LEVEL);
  const defer = trapSignals((error) => log.error({ err: error }, 'shutdown failed'));
  const jwtSecret = resolveJwtSecret({
    configured: config.JWT_SECRET,
    dataDir: config.SPYWATCHER_DATA_DIR,
    log,
  });
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.SPYWATCHER_DATA_DIR,
    onIdleError: (error) => log.warn({ err: error }, 'database connection lost'),
  });
  defer(() => db.close());
  await db.migrate();
  const served = await serve(config, db, log, toAuthOptions(config, jwtSecret));
  defer(() => served.app.close());
  defer(startJobs(config, db, log));
  const banner = [`Spywatcher is listening on ${served.url}`, `Database: ${db.description}`];
  const bot =
    token === undefined
      ? undefined
      : await createBot({
          token,
          apiUrl: config.DISCORD_API_URL,
          shardIds: config.DISCORD_SHARD_IDS ?? null,
          shardCount: config.DISCORD_SHARD_COUNT ?? null,
          db,
          log,
          publicUrl: config.PUBLIC_URL ?? served.url,
          metrics: createIngestMetrics(served.metrics),
          writer: {
            onCommitted: createLivePublisher({ bus: served.bus, db, log }).onCommitted,
          },
        });
  if (bot) {
    defer(() => bot.stop());
    served.policySignal.subscribe(() => bot.refreshPolicy());
    await bot.start();
    banner.push(`Bot: connected to the Discord gateway via ${config.DISCORD_API_URL}`);
  } else {
    banner.push(
      'No DISCORD_TOKEN is set, so no bot runs: the API serves what is stored.',
      connectHelp,
    );
    banner.push('To try Spywatcher with a simulated guild instead: npx spywatcher demo');
  }
  console.log(banner.join('\n'));
};
