import { parseArgs } from 'node:util';
import { AppError } from '../../errors/app-error.ts';
import { ensureUser } from '../../store/access/ensure-user.ts';
import { insertAuditLog } from '../../store/access/insert-audit-log.ts';
import { type RoleChange, setUserRole } from '../../store/access/set-user-role.ts';
import type { Database } from '../../store/database.ts';
import { withCommandDatabase } from './open-command-database.ts';

const promotableRoles = ['ADMIN', 'MODERATOR', 'USER'] as const;
type PromotableRole = (typeof promotableRoles)[number];

/** `spywatcher users --help`. */
export const usersHelp = [
  'Usage: spywatcher users promote <discordId> --role ADMIN|MODERATOR|USER',
  '',
  'Sets a user’s instance role (audited). A user not seen yet is created from the Discord id;',
  'their first login fills in the profile. Bans are lifted or set through the API',
  '(/api/v1/admin/users/:discordId/ban), not here.',
].join('\n');

const usage = (problem: string) => new AppError('VALIDATION_FAILED', `${problem}\n\n${usersHelp}`);

/** Sets the role of the user with `discordId` (creating a placeholder user), audited. */
export const promoteUser = async (
  db: Database,
  request: { discordId: string; role: PromotableRole; now: Date },
): Promise<RoleChange> => {
  await ensureUser(db.orm, request.discordId);
  const change = await setUserRole(db.orm, request.discordId, request.role);
  if (!change) throw new AppError('USER_NOT_FOUND');
  await insertAuditLog(db.orm, {
    userId: null,
    action: 'role_change',
    resource: 'user',
    resourceId: change.id,
    details: { via: 'cli', discordId: change.discordId, from: change.from, to: change.to },
    ipAddress: null,
    userAgent: null,
    timestamp: request.now,
  });
  return change;
};

/** `spywatcher users promote <discordId> --role …`. */
export const runUsers = async (
  env: Record<string, string | undefined>,
  args: readonly string[],
  print: (line: string) => void = console.log,
): Promise<void> => {
  const { positionals, values } = parseArgs({
    args: [...args],
    options: { role: { type: 'string' } },
    allowPositionals: true,
    strict: false,
  });
  const [action, discordId, extra] = positionals;
  if (action !== 'promote') throw usage(`Unknown users action "${action ?? ''}".`);
  if (discordId === undefined || !/^\d{17,20}$/.test(discordId) || extra !== undefined) {
    throw usage('Expected one Discord user id (17–20 digits).');
  }
  const role = String(values.role ?? '').toUpperCase();
  if (!(promotableRoles as readonly string[]).includes(role)) {
    throw usage('Expected --role ADMIN, MODERATOR or USER.');
  }
  const change = await withCommandDatabase(env, (db) =>
    promoteUser(db, { discordId, role: role as PromotableRole, now: new Date() }),
  );
  print(`User ${change.discordId} is now ${change.to} (was ${change.from}).`);
};
