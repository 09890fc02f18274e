import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../../errors/app-error.ts';
import { insertAuditLog } from '../../store/access/insert-audit-log.ts';
import type { Database } from '../../store/database.ts';
import { eraseMember } from '../../store/privacy/erase-member.ts';
import { exportMember } from '../../store/privacy/export-member.ts';
import { optOutMember } from '../../store/privacy/opt-out-member.ts';
import { summarizeMember } from '../../store/privacy/summarize-member.ts';
import { type CommandOutput, processOutput, toCountTable } from './command-output.ts';
import { withCommandDatabase } from './open-command-database.ts';

const usage = [
  'Usage: spywatcher privacy export --discord-id <id> [--out <file>]',
  '       spywatcher privacy delete --discord-id <id> [--opt-out] --yes',
].join('\n');

/** What `spywatcher privacy …` was asked to do, parsed from its arguments. */
export type PrivacyCommand =
  | { action: 'export'; discordId: string; out: string | undefined }
  | { action: 'delete'; discordId: string; optOut: boolean; confirmed: boolean };

/** Parses `privacy export|delete …`; a usage error names what is wrong. */
export const parsePrivacyArgs = (args: readonly string[]): PrivacyCommand => {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'discord-id': { type: 'string' },
      out: { type: 'string' },
      'opt-out': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
    },
  });
  const discordId = values['discord-id'];
  if (discordId === undefined || !/^\d{1,20}$/.test(discordId)) {
    throw new AppError('VALIDATION_FAILED', `--discord-id must be a Discord user id.\n${usage}`);
  }
  if (positionals.length === 1 && positionals[0] === 'export') {
    return { action: 'export', discordId, out: values.out };
  }
  if (positionals.length === 1 && positionals[0] === 'delete') {
    return { action: 'delete', discordId, optOut: values['opt-out'], confirmed: values.yes };
  }
  throw new AppError('VALIDATION_FAILED', usage);
};

const auditCli = (db: Database, action: string, discordId: string, details?: object) =>
  insertAuditLog(db.orm, {
    userId: null,
    action,
    resource: 'member',
    resourceId: discordId,
    details: { via: 'cli', ...details },
    ipAddress: null,
    userAgent: null,
    timestamp: new Date(),
  });

/** Runs a parsed privacy command on an open database. */
export const runPrivacyCommand = async (
  db: Database,
  command: PrivacyCommand,
  output: CommandOutput,
): Promise<void> => {
  const { discordId } = command;
  if (command.action === 'export') {
    await auditCli(db, 'privacy.export', discordId);
    const chunks = Readable.from(exportMember(db, discordId, new Date()));
    if (command.out === undefined) {
      for await (const chunk of chunks) output.out(String(chunk));
      output.out('\n');
    } else {
      await pipeline(chunks, createWriteStream(command.out));
      output.progress(`Export of ${discordId} written to ${command.out}\n`);
    }
    return;
  }
  if (!command.confirmed) {
    const held = await summarizeMember(db, discordId);
    const byTable: Record<string, number> = {};
    for (const count of held) byTable[count.table] = (byTable[count.table] ?? 0) + count.rows;
    output.out(`Held about ${discordId} (rows per table):\n${toCountTable(byTable)}\n`);
    throw new AppError('VALIDATION_FAILED', 'Nothing was deleted: add --yes to erase these rows.');
  }
  const counts = command.optOut
    ? await optOutMember(db, discordId, new Date())
    : await eraseMember(db, discordId);
  await auditCli(db, command.optOut ? 'privacy.opt_out' : 'privacy.erase', discordId, counts);
  output.out(
    [
      `Erased ${discordId}${command.optOut ? ' and opted them out in every guild' : ''}. Rows removed:`,
      toCountTable(counts.removed),
      `Rows about others where their id as the actor was erased: ${Object.values(counts.cleared).reduce((a, b) => a + b, 0)}`,
      '',
    ].join('\n'),
  );
};

/** `spywatcher privacy export|delete --discord-id …`. */
export const runPrivacyCli = async (
  env: Record<string, string | undefined>,
  args: readonly string[],
): Promise<void> => {
  const command = parsePrivacyArgs(args);
  await withCommandDatabase(env, (db) => runPrivacyCommand(db, command, processOutput()));
};
