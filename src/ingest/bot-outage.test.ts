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
/** Small, so that the cut fills the writer past it: the bot must stop reading the gateway. */
const HIGH_WATER_ROWS = 200;
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
      running = await startTestBot(sim, db, undefined, { highWaterRows: HIGH_WATER_ROWS });
      const { bot } = running;
      await bot.writer.drain();
      await streamMessagesAndTyping(sim, guild, EVENTS, (i) => {
        if (i === EVENTS / 4) proxy.cut();
      });
      // The database stays away a few seconds while the gateway keeps delivering; the bot
      // stops reading it (TCP back-pressure), so what waits in its memory stays bounded.
      let mostRows = 0;
      const sampler = setInterval(() => {
        mostRows = Math.max(mostRows, bot.writer.bufferedRows);
      }, 5);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      clearInterval(sampler);
      expect(bot.writer.buffered).toBeGreaterThan(0);
      expect(mostRows).toBeGreaterThanOrEqual(HIGH_WATER_ROWS);
      // The socket stops at once; what the WebSocket had read already still comes out.
      expect(mostRows).toBeLessThan(HIGH_WATER_ROWS + 500);
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
      proxy.restore();
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
