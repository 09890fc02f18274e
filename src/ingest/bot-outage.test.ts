import pg from 'pg';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createDiscordSimulator } from '../simulator/discord-simulator.ts';
import { toMessageCreate, toTypingStart } from '../simulator/scenario/message-payloads.ts';
import { toSnowflake } from '../simulator/snowflake.ts';
import { openPostgresDatabase } from '../store/postgres-database.ts';
import { startTcpProxy } from '../store/testing/tcp-proxy.ts';
import { createBot } from './bot.ts';
import { createIngestMetrics } from './ingest-metrics.ts';
import { smallGuild } from './testing/sim-guild.ts';
import { waitUntil } from './testing/wait-until.ts';

const EVENTS = 2_000;
const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('PostgreSQL unreachable during a stream', () => {
  it('loses nothing, duplicates nothing, and the process stays up', async () => {
    const name = `spw_outage_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const direct = new URL(serverUrl ?? '');
    direct.pathname = `/${name}`;
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(direct);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const check = await openPostgresDatabase({ url: direct.toString() });
    await check.migrate();
    const db = await openPostgresDatabase({
      url: viaProxy.toString(),
      onIdleError: () => undefined,
    });
    const registry = new Registry();
    const metrics = createIngestMetrics(registry);
    const guild = smallGuild(7);
    const sim = await createDiscordSimulator({ guilds: [guild.guild] });
    const bot = await createBot({
      token: sim.botToken,
      apiUrl: sim.apiUrl,
      db,
      log: pino({ level: 'silent' }),
      metrics,
      writer: { flushIntervalMs: 5, retryInitialMs: 50, retryMaxMs: 400 },
    });
    const count = async (table: string) =>
      (await check.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ?? 0;
    try {
      await bot.start();
      await bot.writer.drain();
      const [alice, bob] = guild.members;
      if (!alice || !bob) throw new Error('no members');
      const start = Date.now();
      for (let i = 0; i < EVENTS; i += 1) {
        if (i === EVENTS / 4) proxy.cut();
        const atMs = start + i;
        sim.dispatch(
          guild.guildId,
          'MESSAGE_CREATE',
          toMessageCreate({
            id: toSnowflake(atMs, i % 4_096),
            guildId: guild.guildId,
            channelId: guild.textChannel,
            author: alice,
            content: `m${i}`,
            atMs,
          }),
        );
        sim.dispatch(
          guild.guildId,
          'TYPING_START',
          toTypingStart({
            guildId: guild.guildId,
            channelId: guild.textChannel,
            member: bob,
            atMs,
          }),
        );
        if (i % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // The database stays away a few seconds while the gateway keeps delivering.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(bot.writer.buffered).toBeGreaterThan(0);
      proxy.restore();
      await waitUntil(
        'every event stored',
        async () => (await count('TypingEvent')) >= EVENTS,
        30_000,
      );
      await bot.writer.drain();
      expect(await count('Message')).toBe(EVENTS);
      expect(await count('TypingEvent')).toBe(EVENTS);
      const failures = await metrics.writeFailures.get();
      expect(
        failures.values.find((v) => v.labels.kind === 'transient')?.value ?? 0,
      ).toBeGreaterThan(0);
    } finally {
      await bot.stop();
      await sim.close();
      await db.close();
      await check.close();
      await proxy.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 90_000);
});
