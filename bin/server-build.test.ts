import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../src/store/pglite-database.ts';
import { buildServer, isServerBuildFresh } from './server-build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the project, as dist/server is, so that the build finds the packages in node_modules.
mkdirSync(join(root, 'dist'), { recursive: true });
const buildDir = mkdtempSync(join(root, 'dist', 'server-build-test-'));
const dataDir = mkdtempSync(join(tmpdir(), 'spw-server-build-'));
afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server build', () => {
  it('runs the command line from one file, migrations found, and is stale once older than a source', async () => {
    const buildFile = join(buildDir, 'spywatcher.mjs');
    expect(isServerBuildFresh(buildFile)).toBe(false);
    await buildServer(buildFile);
    expect(isServerBuildFresh(buildFile)).toBe(true);

    const migrate = spawnSync(process.execPath, [buildFile, 'migrate'], {
      cwd: dataDir,
      env: { PATH: process.env.PATH ?? '', SPYWATCHER_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(migrate.stderr).toBe('');
    expect(migrate.stdout).toContain('is up to date');
    expect(migrate.status).toBe(0);
    const db = await openPgliteDatabase({ dataDir });
    const [guildTable] = await db.query<{ name: string | null }>(
      `SELECT to_regclass('"Guild"')::text AS name`,
    );
    await db.close();
    expect(guildTable?.name).toBe('"Guild"');

    utimesSync(buildFile, new Date(0), new Date(0));
    expect(isServerBuildFresh(buildFile)).toBe(false);
  });
});
