import { parseArgs } from 'node:util';
import { AppError } from '../../errors/app-error.ts';
import { insertAuditLog } from '../../store/access/insert-audit-log.ts';
import type { Database } from '../../store/database.ts';
import { purgeGuild } from '../../store/privacy/purge-guild.ts';
import { type CommandOutput, processOutput, toCountTable } from './command-output.ts';
import { withCommandDatabase } from './open-command-database.ts';

const usage = 'Usage: spywatcher guild purge <guildId> --yes';

/** Parses `guild purge <guildId> [--yes]`. */
export const parseGuildPurgeArgs = (
  args: readonly string[],
): { guildId: string; confirmed: boolean } => {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { yes: { type: 'boolean', default: false } },
  });
  const [action, guildId] = positionals;
  if (action !== 'purge' || positionals.length !== 2 || !guildId) {
    throw new AppError('VALIDATION_FAILED', usage);
  }
  if (!/^\d{1,20}$/.test(guildId)) {
    throw new AppError('VALIDATION_FAILED', `The guild id must be a Discord id.\n${usage}`);
  }
  return { guildId, confirmed: values.yes };
};

/** Purges one guild now, whether or not the bot left it; audited. */
export const runGuildPurgeCommand = async (
  db: Database,
  command: { guildId: string; confirmed: boolean },
  output: CommandOutput,
): Promise<void> => {
  const [guild] = await db.query<{ name: string; leftAt: Date | null }>(
    `SELECT name, "leftAt" FROM "Guild" WHERE id = $1`,
    [command.guildId],
  );
  if (!guild) throw new AppError('GUILD_NOT_FOUND', `No guild ${command.guildId} is stored.`);
  if (!command.confirmed) {
    const state = guild.leftAt ? `left ${guild.leftAt.toISOString()}` : 'the bot is still in it';
    throw new AppError(
      'VALIDATION_FAILED',
      `Guild ${command.guildId} "${guild.name}" (${state}): nothing was deleted; add --yes to purge all its data.`,
    );
  }
  const removed = await purgeGuild(db, command.guildId);
  await insertAuditLog(db.orm, {
    userId: null,
    action: 'guild.purge',
    guildId: command.guildId,
    details: { via: 'cli', removed },
    ipAddress: null,
    userAgent: null,
    timestamp: new Date(),
  });
  output.out(`Guild ${command.guildId} purged. Rows removed:\n${toCountTable(removed)}\n`);
};

/** `spywatcher guild purge <guildId>`. */
export const runGuildCli = async (
  env: Record<string, string | undefined>,
  args: readonly string[],
): Promise<void> => {
  const command = parseGuildPurgeArgs(args);
  await withCommandDatabase(env, (db) => runGuildPurgeCommand(db, command, processOutput()));
};
