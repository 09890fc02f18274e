import { parseArgs } from 'node:util';
import { issueApiKey } from '../../api/auth/issue-api-key.ts';
import { AppError } from '../../errors/app-error.ts';
import { ensureUser } from '../../store/access/ensure-user.ts';
import { insertAuditLog } from '../../store/access/insert-audit-log.ts';
import { setUserRole } from '../../store/access/set-user-role.ts';
import type { Database } from '../../store/database.ts';
import { type ApiKeyTier, apiKeyTiers } from '../../store/schema/auth.ts';
import { withCommandDatabase } from './open-command-database.ts';

/** `spywatcher keys --help`. */
export const keysHelp = [
  'Usage: spywatcher keys create --user <discordId> [--name <name>] [--tier FREE|PRO|ENTERPRISE]',
  '                              [--expires-in-days <n>] [--admin] [--json]',
  '',
  'Creates an API key for the user with that Discord id (creating the user if needed) and',
  'prints it once: it is stored only as a hash. --admin also makes the user an instance admin.',
  'The operator may pick any tier here (through the API only admins can go above FREE).',
  '--json prints {"id","key","tier","userId","expiresAt"} for scripts. --discord-id is an alias',
  'of --user.',
].join('\n');

const usage = (problem: string) => new AppError('VALIDATION_FAILED', `${problem}\n\n${keysHelp}`);

/** What `keys create` asks for. */
export interface CreateKeyRequest {
  discordId: string;
  name: string;
  tier: ApiKeyTier;
  admin: boolean;
  expiresAt: Date | null;
  now: Date;
}

/** Creates the user if needed (and makes them admin if asked), then a key; audited. */
export const createKeyForUser = async (db: Database, request: CreateKeyRequest) => {
  const user = await ensureUser(db.orm, request.discordId);
  if (user.role === 'BANNED') throw new AppError('USER_BANNED');
  if (request.admin && user.role !== 'ADMIN') await setUserRole(db.orm, request.discordId, 'ADMIN');
  const issued = await issueApiKey(db.orm, {
    userId: user.id,
    name: request.name,
    tier: request.tier,
    expiresAt: request.expiresAt,
    now: request.now,
  });
  await insertAuditLog(db.orm, {
    userId: null,
    action: 'api_key_create',
    resource: 'api_key',
    resourceId: issued.row.id,
    details: {
      via: 'cli',
      ownerId: user.id,
      name: request.name,
      tier: request.tier,
      prefix: issued.row.prefix,
      ...(request.admin && user.role !== 'ADMIN' ? { promotedTo: 'ADMIN' } : {}),
    },
    ipAddress: null,
    userAgent: null,
    timestamp: request.now,
  });
  return { ...issued, userId: user.id };
};

const parseCreate = (args: readonly string[], now: Date): CreateKeyRequest & { json: boolean } => {
  const { positionals, values } = parseArgs({
    args: [...args],
    options: {
      user: { type: 'string' },
      'discord-id': { type: 'string' },
      name: { type: 'string' },
      tier: { type: 'string' },
      'expires-in-days': { type: 'string' },
      admin: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals[0] !== 'create' || positionals.length > 1) {
    throw usage(`Unknown keys action "${positionals.join(' ')}".`);
  }
  const discordId = values.user ?? values['discord-id'];
  if (discordId === undefined || !/^\d{17,20}$/.test(discordId)) {
    throw usage('Expected --user <discordId> (17–20 digits).');
  }
  const tier = (values.tier ?? 'FREE').toUpperCase();
  if (!(apiKeyTiers as readonly string[]).includes(tier)) {
    throw usage('Expected --tier FREE, PRO or ENTERPRISE.');
  }
  const days = values['expires-in-days'];
  if (days !== undefined && !/^[1-9]\d{0,4}$/.test(days)) {
    throw usage('Expected --expires-in-days to be a whole number of days (1–99999).');
  }
  const name = values.name?.trim() || 'cli';
  if (name.length > 100) throw usage('Expected --name to be at most 100 characters.');
  return {
    discordId,
    name,
    tier: tier as ApiKeyTier,
    admin: values.admin === true,
    expiresAt: days === undefined ? null : new Date(now.getTime() + Number(days) * 86_400_000),
    now,
    json: values.json === true,
  };
};

/** `spywatcher keys create …`: prints the new key once. */
export const runKeys = async (
  env: Record<string, string | undefined>,
  args: readonly string[],
  print: (line: string) => void = console.log,
): Promise<void> => {
  let request: ReturnType<typeof parseCreate>;
  try {
    request = parseCreate(args, new Date());
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const created = await withCommandDatabase(env, (db) => createKeyForUser(db, request));
  if (request.json) {
    print(
      JSON.stringify({
        id: created.row.id,
        key: created.key,
        tier: created.row.tier,
        userId: created.userId,
        expiresAt: created.row.expiresAt?.toISOString() ?? null,
      }),
    );
    return;
  }
  print(
    [
      `Created ${created.row.tier} key ${created.row.prefix}… (id ${created.row.id}) for Discord user ${request.discordId}:`,
      created.key,
      'Store it now: it is not shown again.',
    ].join('\n'),
  );
};
