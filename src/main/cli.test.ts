import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../store/pglite-database.ts';
import { guilds } from '../store/schema/index.ts';
import { listTableNames } from '../store/schema-tables.ts';
import { type CliProcess, freePort, spawnCli as spawnCliProcess } from './testing/spawn-cli.ts';

/** Every process a test starts; any still running when the file ends is killed. */
const processes: CliProcess[] = [];
const spawnCli = (args: string[], env: Record<string, string>): CliProcess => {
  const cli = spawnCliProcess(args, env);
  processes.push(cli);
  return cli;
};

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'spw-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const { child } of processes) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const text = async (port: number, path: string) =>
  (await fetch(`http://127.0.0.1:${port}${path}`)).text();

const waitFor = async (check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const get = async (port: number, path: string) => {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('spywatcher CLI', () => {
  it('prints help for the program and for each command', async () => {
    const help = spawnCli(['--help'], {});
    expect(await help.exited()).toBe(0);
    expect(help.output()).toContain('start');
    expect(help.output()).toContain('migrate');
    const startHelp = spawnCli(['start', '--help'], {});
    expect(await startHelp.exited()).toBe(0);
    expect(startHelp.output()).toContain('Usage: spywatcher start');
  });

  it('names every bad variable in one message and exits 1', async () => {
    const cli = spawnCli(['start'], { PORT: 'abc', DATABASE_URL: 'nonsense' });
    expect(await cli.exited()).toBe(1);
    expect(cli.output()).toContain('PORT: expected a port number (got "abc")');
    expect(cli.output()).toContain('DATABASE_URL: expected a postgres: or postgresql: URL');
  });

  it('without a token runs the demo on its own embedded database, live, and keeps its data', async () => {
    const dataDir = tempDir();
    const demoDir = join(dataDir, 'demo');
    const port = await freePort();
    const env = { SPYWATCHER_DATA_DIR: dataDir, PORT: String(port) };
    const first = spawnCli(['start'], env);
    await first.waitFor(`listening on http://127.0.0.1:${port}`, 60_000);
    expect(first.output()).toContain('No DISCORD_TOKEN is set, so Spywatcher runs its demo.');
    expect(first.output()).toContain(`embedded PGlite at ${join(demoDir, 'pglite')}`);
    expect(first.output()).toContain('To monitor your own servers');
    expect(await get(port, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get(port, '/readyz')).toEqual({
      status: 200,
      body: { status: 'ready', database: 'pglite' },
    });
    // The real bot is connected to the simulator and committing what it receives.
    await waitFor(async () =>
      /spywatcher_ingest_events_committed_total [1-9]/.test(await text(port, '/metrics')),
    );

    const second = spawnCli(['start'], { ...env, PORT: String(await freePort()) });
    expect(await second.exited()).toBe(1);
    expect(second.output()).toContain('in use by another Spywatcher process');

    first.child.kill('SIGINT');
    expect(await first.exited()).toBe(0);

    const db = await openPgliteDatabase({ dataDir: demoDir });
    const [history] = await db.query<{ messages: number; guilds: number }>(
      `SELECT (SELECT count(*)::int FROM "Message") AS messages, (SELECT count(*)::int FROM "Guild") AS guilds`,
    );
    await db.orm.insert(guilds).values({ id: '900000000000000001', name: 'Kept' });
    await db.close();
    expect(history?.guilds).toBe(1);
    expect(history?.messages).toBeGreaterThan(1_000);

    const again = spawnCli(['demo'], env);
    await again.waitFor('listening on', 60_000);
    again.child.kill('SIGTERM');
    expect(await again.exited()).toBe(0);
    const reopened = await openPgliteDatabase({ dataDir: demoDir });
    const rows = await reopened.query<{ name: string }>(`SELECT name FROM "Guild" ORDER BY name`);
    const [messages] = await reopened.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Message"`,
    );
    await reopened.close();
    // Same guild again (same seed, same anchor), nothing stored twice.
    expect(rows.map((row) => row.name)).toEqual(['Kept', 'Spywatcher demo guild']);
    expect(messages?.n).toBeGreaterThanOrEqual(history?.messages ?? 0);
    expect(messages?.n).toBeLessThan((history?.messages ?? 0) + 100);
  }, 120_000);

  const serverUrl = process.env.TEST_DATABASE_URL;
  it.runIf(serverUrl)(
    'runs on PostgreSQL with DATABASE_URL',
    async () => {
      const name = `spw_cli_${process.pid}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      try {
        const url = new URL(serverUrl ?? '');
        url.pathname = `/${name}`;
        const port = await freePort();
        const cli = spawnCli(['start'], {
          DATABASE_URL: url.toString(),
          PORT: String(port),
          SPYWATCHER_DATA_DIR: tempDir(),
        });
        await cli.waitFor('listening on');
        expect(cli.output()).toContain(`Database: PostgreSQL at ${url.host}/${name}`);
        expect(await get(port, '/readyz')).toEqual({
          status: 200,
          body: { status: 'ready', database: 'postgres' },
        });
        cli.child.kill('SIGINT');
        expect(await cli.exited()).toBe(0);
        const created = new pg.Client({ connectionString: url.toString() });
        await created.connect();
        const tables = await created.query(
          // Partitions (of the weekly-partitioned event tables) are not tables of the schema.
          `SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
        );
        await created.end();
        expect(tables.rows[0].count).toBe(listTableNames().length);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
    60_000,
  );
});
