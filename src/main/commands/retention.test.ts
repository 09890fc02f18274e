import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedIds, seedMemberData } from '../../store/privacy/testing/seed-member-data.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { spawnCli } from '../testing/spawn-cli.ts';
import { runRetentionCommand } from './retention.ts';
import { captureOutput } from './testing-output.ts';

const now = new Date('2026-11-25T12:00:00Z');

for (const backend of testBackends()) {
  describe(`spywatcher retention run on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('draws progress and prints rows removed per table', async () => {
      const old = new Date(now.getTime() - 100 * 86_400_000);
      await seedMemberData(db(), {
        discordId: '100000000000000042',
        otherDiscordId: '100000000000000077',
        guildId: seedIds.guildA,
        at: old,
      });
      const output = captureOutput();
      await runRetentionCommand(db(), output, now);
      const report = output.text.join('');
      // 100 days old: presence and messages are past their windows, joins are not; the
      // session expired 99 days ago.
      expect(report).toMatch(/^ {2}Presence +2$/m);
      expect(report).toMatch(/^ {2}Message +2$/m);
      expect(report).toMatch(/^ {2}MemberEvent +0$/m);
      expect(report).toMatch(/^ {2}Session +1$/m);
      expect(report).toContain('AuditLogArchive');
      expect(output.bars.at(-2)).toMatch(/^\r\[#{30}\] 100% {2}\d+ \/ \d+ {2}/);
    });
  });
}

describe('the retention command line', () => {
  it('runs on the embedded database and exits 0; refuses an unknown sub-command', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spw-retention-'));
    try {
      const run = spawnCli(['retention', 'run'], { SPYWATCHER_DATA_DIR: dataDir });
      expect(await run.exited()).toBe(0);
      expect(run.output()).toContain('rows removed per table');
      const bad = spawnCli(['retention', 'now'], { SPYWATCHER_DATA_DIR: dataDir });
      expect(await bad.exited()).toBe(1);
      expect(bad.output()).toContain('Usage: spywatcher retention run');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
