import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiscordSimulator } from '../simulator/discord-simulator.ts';
import type { Database } from '../store/database.ts';
import { openDatabase } from '../store/open-database.ts';
import { smallGuild } from './testing/sim-guild.ts';
import { streamMessagesAndTyping } from './testing/stream-messages.ts';
import { waitUntil } from './testing/wait-until.ts';

const child = fileURLToPath(new URL('./testing/bot-child.ts', import.meta.url));
const EVENTS = 3_000;

const startChild = (env: Record<string, string>) => {
  const proc = spawn(process.execPath, ['--import', 'tsx', child], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  const started = () => waitUntil('the bot to start', () => output.includes('started'), 30_000);
  /** The last sequence the child reported committed. */
  const committed = () => Number([...output.matchAll(/committed (\d+)/g)].at(-1)?.[1] ?? 0);
  return { proc, exited, started, committed };
};

const count = async (db: Database, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]?.n ?? 0;

const targets: {
  name: string;
  env: () => Promise<Record<string, string>>;
  cleanup: () => Promise<void>;
}[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'spw-crash-'));
targets.push({
  name: 'pglite',
  env: async () => ({ DATA_DIR: dataDir }),
  cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
});
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `spw_crash_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  targets.push({
    name: 'postgres',
    env: async () => {
      await admin(`CREATE DATABASE ${name}`);
      return { DATABASE_URL: url.toString() };
    },
    cleanup: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  });
}
afterAll(async () => {
  for (const target of targets) await target.cleanup();
});

describe('a bot killed mid-stream', () => {
  for (const target of targets) {
    it(`stores every dispatch exactly once after a restart (${target.name})`, async () => {
      const env = await target.env();
      const guild = smallGuild(5);
      const sim = await createDiscordSimulator({ guilds: [guild.guild] });
      const childEnv = { ...env, SIM_API_URL: sim.apiUrl, SIM_TOKEN: sim.botToken };
      const open = () =>
        openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? '' });
      // Children still running when the test fails are killed, never left behind.
      const children: ReturnType<typeof startChild>[] = [];
      const spawnBot = () => {
        const bot = startChild(childEnv);
        children.push(bot);
        return bot;
      };
      try {
        const first = spawnBot();
        await first.started();
        const streaming = streamMessagesAndTyping(sim, guild, EVENTS);
        // PGlite's folder is locked by the child: watch the simulator, not the database.
        await waitUntil('part of the stream', () => sim.counters.framesSent > EVENTS / 2, 30_000);
        first.proc.kill('SIGKILL');
        await first.exited;
        await streaming;
        const second = spawnBot();
        if (env.DATABASE_URL) {
          const db = await open();
          await waitUntil(
            'every typing event',
            async () => (await count(db, 'TypingEvent')) >= EVENTS,
            60_000,
          );
          await db.close();
        } else {
          await waitUntil('the resumed session', () => sim.counters.resumes > 0, 30_000);
          await waitUntil(
            'the resumed session to commit everything',
            () => sim.counters.resumes > 0 && second.committed() === sim.listSessions()[0]?.seq,
            60_000,
          );
        }
        second.proc.kill('SIGTERM');
        await second.exited;
        const db = await open();
        expect(await count(db, 'Message')).toBe(EVENTS);
        expect(await count(db, 'TypingEvent')).toBe(EVENTS);
        await db.close();
        expect(sim.counters.resumes).toBeGreaterThan(0);
      } finally {
        for (const { proc } of children) if (proc.exitCode === null) proc.kill('SIGKILL');
        await sim.close();
      }
    }, 120_000);
  }
});
