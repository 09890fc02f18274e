import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config/config.ts';
import { isAppError } from '../errors/app-error.ts';
import { runGuildCli } from './commands/guild-purge.ts';
import { keysHelp, runKeys } from './commands/keys.ts';
import { runMigrate } from './commands/migrate.ts';
import { runPrivacyCli } from './commands/privacy.ts';
import { runRetentionCli } from './commands/retention.ts';
import { runStart } from './commands/start.ts';
import { runUsers, usersHelp } from './commands/users.ts';
import { runDemo } from './demo/run-demo.ts';

interface Command {
  summary: string;
  help: string;
  /** `args`: what follows the command's name on the command line. */
  run(env: Record<string, string | undefined>, args: readonly string[]): Promise<void>;
}

const configHelp = 'Configuration comes from environment variables (and ./.env); see .env.example.';

const commands: Record<string, Command> = {
  start: {
    summary: 'Run the whole product in one process (migrate, API on PORT, bot with DISCORD_TOKEN).',
    help: [
      'Usage: spywatcher start',
      '',
      'Applies pending migrations, serves the API and dashboard on HOST:PORT, and runs the bot',
      'when DISCORD_TOKEN is set. Without DATABASE_URL the data lives in an embedded database in',
      'SPYWATCHER_DATA_DIR (default ./data). Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.',
      '',
      configHelp,
    ].join('\n'),
    run: runStart,
  },
  demo: {
    summary: 'Run the product on a simulated, living guild (its own database in <data dir>/demo).',
    help: [
      'Usage: spywatcher demo',
      '',
      'Starts the Discord simulator with a generated guild (a week of history, then live events),',
      'the real bot connected to it, and the API on HOST:PORT. Demo data lives in an embedded',
      'database in SPYWATCHER_DATA_DIR/demo and never mixes with real data. `start` does the same',
      'when neither DISCORD_TOKEN nor DATABASE_URL is set.',
      '',
      configHelp,
    ].join('\n'),
    run: (env) => runDemo(parseConfig(env)),
  },
  migrate: {
    summary: 'Apply pending database migrations and exit.',
    help: [
      'Usage: spywatcher migrate',
      '',
      'Applies every pending migration to DATABASE_URL, or to the embedded database in',
      'SPYWATCHER_DATA_DIR. Safe to run while other processes start. `start` does this too.',
      '',
      configHelp,
    ].join('\n'),
    run: runMigrate,
  },
  users: {
    summary: 'Set a user’s instance role: users promote <discordId> --role ADMIN.',
    help: `${usersHelp}\n\n${configHelp}`,
    run: runUsers,
  },
  keys: {
    summary: 'Create an API key without a browser: keys create --user <discordId> --json.',
    help: `${keysHelp}\n\n${configHelp}`,
    run: runKeys,
  },
  privacy: {
    summary: "Export or erase one member's data: privacy export|delete --discord-id <id>.",
    help: [
      'Usage: spywatcher privacy export --discord-id <id> [--out <file>]',
      '       spywatcher privacy delete --discord-id <id> [--opt-out] --yes',
      '',
      'export writes everything held about the member, in every guild, as one JSON document',
      '(no token or key hashes) to stdout or --out. delete erases it; without --yes it only',
      'lists what would go. --opt-out also stops collection about them in every guild (only a',
      'suppression marker with their id stays). Both are recorded in the audit log.',
      '',
      configHelp,
    ].join('\n'),
    run: runPrivacyCli,
  },
  guild: {
    summary: "Purge one guild's data now: guild purge <guildId> --yes.",
    help: [
      'Usage: spywatcher guild purge <guildId> --yes',
      '',
      'Deletes every row of the guild (events, members, roles, settings, managed-guild rows,',
      'audit rows) and the users known only from it; other guilds are untouched. Guilds the bot',
      'left are purged by the server on their own 7 days after leaving. Audited.',
      '',
      configHelp,
    ].join('\n'),
    run: runGuildCli,
  },
  retention: {
    summary: 'Apply retention now, with progress and rows removed per table: retention run.',
    help: [
      'Usage: spywatcher retention run',
      '',
      'Deletes rows past their retention (presence 90 days, messages/typing/reactions/latency',
      '30, joins and role changes 365, voice 90; per-guild overrides win), moves audit rows',
      'older than a year to AuditLogArchive, deletes expired sessions, purges guilds the bot',
      'left over 7 days ago. The server does the same every hour.',
      '',
      configHelp,
    ].join('\n'),
    run: runRetentionCli,
  },
};

const usage = [
  'Spywatcher: presence and behaviour analytics for Discord server staff.',
  '',
  'Usage: spywatcher <command> [--help]',
  '',
  'Commands:',
  ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`),
  `  ${'help'.padEnd(10)}Show this help, or a command's: spywatcher help start`,
  '',
  configHelp,
].join('\n');

/** Runs the command line; resolves to the exit code (a running server keeps the process up). */
export const runCli = async (
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> => {
  const { positionals, values } = parseArgs({
    args: [...argv],
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
  });
  const [name, topic] = positionals;
  if (name === undefined || name === 'help') {
    const command = topic === undefined ? undefined : commands[topic];
    console.log(command ? command.help : usage);
    return 0;
  }
  const command = commands[name];
  if (command === undefined) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(command.help);
    return 0;
  }
  try {
    await command.run(env, argv.slice(argv.indexOf(name) + 1));
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      console.error(error.message);
      return 1;
    }
    console.error(error);
    return 1;
  }
};

if (existsSync('.env')) process.loadEnvFile('.env');
const code = await runCli(process.argv.slice(2), process.env);
if (code !== 0) process.exit(code);
