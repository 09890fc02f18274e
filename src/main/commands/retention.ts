import { parseArgs } from 'node:util';
import { AppError } from '../../errors/app-error.ts';
import { runPrivacyMaintenance } from '../../privacy/run-privacy-maintenance.ts';
import type { Database } from '../../store/database.ts';
import {
  type CommandOutput,
  processOutput,
  toCountTable,
  toProgressBar,
} from './command-output.ts';
import { withCommandDatabase } from './open-command-database.ts';

/** `spywatcher retention run` on an open database: one pass of the privacy job, reported. */
export const runRetentionCommand = async (
  db: Database,
  output: CommandOutput,
  now: Date = new Date(),
): Promise<void> => {
  let lastDrawn = 0;
  const report = await runPrivacyMaintenance(db, {
    now,
    onProgress: ({ table, done, total }) => {
      // Redraw at most every 1 % when interactive; otherwise stay quiet until the summary.
      if (!output.interactive || ((done - lastDrawn) * 100 < total && done !== total)) return;
      lastDrawn = done;
      output.progress(`\r${toProgressBar(done, total, table.padEnd(20))}`);
    },
  });
  if (output.interactive && lastDrawn > 0) output.progress('\n');
  const lines = [`Retention at ${now.toISOString()}: rows removed per table`];
  lines.push(toCountTable(report.retention));
  lines.push('  (AuditLog rows are moved to AuditLogArchive, not deleted.)');
  for (const purge of report.purgedGuilds) {
    lines.push(`Guild ${purge.guildId} purged (the bot left it over the grace period ago):`);
    lines.push(toCountTable(purge.removed));
  }
  if (report.sweptMembers > 0) {
    lines.push(`Opted-out members whose late rows were erased: ${report.sweptMembers}`);
  }
  output.out(`${lines.join('\n')}\n`);
};

/** `spywatcher retention run`. */
export const runRetentionCli = async (
  env: Record<string, string | undefined>,
  args: readonly string[],
): Promise<void> => {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  if (positionals[0] !== 'run' || positionals.length !== 1) {
    throw new AppError('VALIDATION_FAILED', 'Usage: spywatcher retention run');
  }
  await withCommandDatabase(env, (db) => runRetentionCommand(db, processOutput()));
};
