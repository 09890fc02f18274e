import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { type InstanceRole, users } from '../schema/user.ts';

/** A user as instance admins list them. */
export interface UserSummaryRow {
  id: string;
  discordId: string;
  username: string;
  globalName: string | null;
  role: InstanceRole;
}

/**
 * Users with a role (e.g. every BANNED or ADMIN user), by Discord id, after `afterDiscordId`
 * (keyset paging), at most `limit`.
 */
export const listUsersByRole = (
  orm: Orm,
  filter: { role: InstanceRole; afterDiscordId?: string | undefined; limit: number },
): Promise<UserSummaryRow[]> => {
  const conditions: SQL[] = [eq(users.role, filter.role)];
  if (filter.afterDiscordId !== undefined)
    conditions.push(gt(users.discordId, filter.afterDiscordId));
  return orm
    .select({
      id: users.id,
      discordId: users.discordId,
      username: users.username,
      globalName: users.globalName,
      role: users.role,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.discordId))
    .limit(filter.limit);
};
