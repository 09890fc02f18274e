import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { toCallbackUrl } from '../../api/auth/auth-options.ts';
import type { Config } from '../../config/config.ts';
import { createBot } from '../../ingest/bot.ts';
import { createIngestMetrics } from '../../ingest/ingest-metrics.ts';
import { createLivePublisher } from '../../live/live-publisher.ts';
import {
  createDiscordSimulator,
  type DiscordSimulator,
} from '../../simulator/discord-simulator.ts';
import { toGuildCreatePayload } from '../../simulator/guild-create-payload.ts';
import { createScenario } from '../../simulator/scenario/create-scenario.ts';
import { driveScenario } from '../../simulator/scenario/drive-scenario.ts';
import { openPgliteDatabase } from '../../store/pglite-database.ts';
import { connectHelp } from '../connect-help.ts';
import { resolveJwtSecret } from '../jwt-secret.ts';
import { createLogger } from '../logger.ts';
import { serve } from '../serve.ts';
import { trapSignals } from '../shutdown.ts';
import { startJobs } from '../start-jobs.ts';
import { toAuthOptions, toLocalUrl } from '../to-auth-options.ts';
import { backfillHistory } from './backfill-history.ts';
import { readDemoState, writeDemoState } from './demo-state.ts';

const DAY_MS = 86_400_000;
/** The demo opens on a week of history and keeps the guild alive for a day of real time. */
const HISTORY_MS = 7 * DAY_MS;
const LIVE_MS = DAY_MS;
const SEED = 'spywatcher-demo';

/**
 * The demo: the Discord simulator with a generated guild, the real bot connected to it, and the
 * API, on an embedded database of its own (`<data dir>/demo`) so that demo rows never mix with
 * real ones. The guild has a week of history and goes on living in real time.
 */
export const runDemo = async (
  config: Config,
  options: {
    reason?: string;
    /** Called once everything runs, e.g. by the dashboard's end-to-end test to push live events. */
    onReady?: (demo: { sim: DiscordSimulator; guildId: string; url: string }) => void;
  } = {},
): Promise<void> => {
  const log = createLogger(config.LOG_LEVEL);
  const defer = trapSignals((error) => log.error({ err: error }, 'shutdown failed'));
  const dataDir = resolve(config.SPYWATCHER_DATA_DIR, 'demo');
  mkdirSync(dataDir, { recursive: true });
  const jwtSecret = resolveJwtSecret({ configured: config.JWT_SECRET, dataDir, log });
  const db = await openPgliteDatabase({ dataDir });
  defer(() => db.close());
  await db.migrate();

  const nowMs = Date.now();
  const state = readDemoState(dataDir, nowMs, HISTORY_MS);
  const scenario = createScenario({
    seed: SEED,
    startMs: state.anchorMs,
    durationMs: nowMs - state.anchorMs + LIVE_MS,
    guildName: 'Spywatcher demo guild',
  });
  // The dashboard logs in through the simulator, which knows this instance's callback.
  const publicUrl = config.PUBLIC_URL ?? toLocalUrl(config);
  const sim = await createDiscordSimulator({
    guilds: [scenario.guild],
    bot: scenario.bot,
    application: { redirectUris: [toCallbackUrl(publicUrl)] },
  });
  defer(() => sim.close());
  const past = scenario.events.filter((event) => event.atMs < nowMs);
  if (state.storedUntilMs === state.anchorMs) {
    const guild = sim.getGuild(scenario.guild.id);
    if (guild) {
      const snapshot = toGuildCreatePayload(guild, {
        intents: 0xffff_ffff,
        largeThreshold: 250,
        botId: scenario.bot.id,
        memberListPolicy: 'all',
      });
      await backfillHistory(db, [
        { atMs: state.anchorMs, guildId: guild.id, event: 'GUILD_CREATE', data: snapshot } as never,
      ]);
    }
  }
  const stored = await backfillHistory(
    db,
    past.filter((event) => event.atMs >= state.storedUntilMs),
  );
  writeDemoState(dataDir, { anchorMs: state.anchorMs, storedUntilMs: nowMs });
  // The simulator's guild catches up with the history, so the bot's GUILD_CREATE matches it.
  for (const event of past) sim.dispatch(event.guildId, event.event, event.data);

  const served = await serve(
    config,
    db,
    log,
    toAuthOptions(config, jwtSecret, {
      apiUrl: sim.apiUrl,
      clientId: sim.application.clientId,
      clientSecret: sim.application.clientSecret,
    }),
  );
  defer(() => served.app.close());
  defer(startJobs(config, db, log));
  const publisher = createLivePublisher({ bus: served.bus, db, log });
  const bot = await createBot({
    token: sim.botToken,
    apiUrl: sim.apiUrl,
    db,
    log,
    publicUrl: served.url,
    metrics: createIngestMetrics(served.metrics),
    writer: { onCommitted: publisher.onCommitted },
  });
  defer(() => bot.stop());
  served.policySignal.subscribe(() => bot.refreshPolicy());
  await bot.start();
  const live = new AbortController();
  const driving = driveScenario({
    sim,
    events: scenario.events.filter((event) => event.atMs >= nowMs),
    speed: 1,
    signal: live.signal,
  });
  defer(async () => {
    live.abort();
    await driving;
  });

  console.log(
    [
      ...(options.reason ? [options.reason] : []),
      `Spywatcher demo is listening on ${served.url}`,
      `Database: ${db.description} (demo data only; ${stored} past events added this start)`,
      `Guild: "${scenario.guild.name}" with ${scenario.guild.members.length} simulated members, live.`,
      connectHelp,
    ].join('\n'),
  );
  options.onReady?.({ sim, guildId: scenario.guild.id, url: served.url });
};
