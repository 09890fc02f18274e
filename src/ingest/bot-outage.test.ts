import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDiscordSimulator } from '../simulator/discord-simulator.ts';
import { openPostgresDatabase } from '../store/postgres-database.ts';
import { startTcpProxy } from '../store/testing/tcp-proxy.ts';
import { smallGuild } from './testing/sim-guild.ts';
import { startTestBot, type TestBot } from './testing/start-test-bot.ts';
import { streamMessagesAndTyping } from './testing/stream-messages.ts';
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
    const guild = smallGuild(7);
    const sim = await createDiscordSimulator({ guilds: [guild.guild] });
    const count = async (table: string) =>
      (await check.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ?? 0;
    let running: TestBot | undefined;
    try {
      running = await startTestBot(sim, db);
      const { bot } = running;
      await bot.writer.drain();
      await streamMessagesAndTyping(sim, guild, EVENTS, (i) => {
        if (i === EVENTS / 4) proxy.cut();
      });
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
      expect(await running.counter('writeFailures', { kind: 'transient' })).toBeGreaterThan(0);
    } finally {
      await running?.bot.stop();
      await sim.close();
      await db.close();
      await check.close();
      await proxy.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 90_000);
});
