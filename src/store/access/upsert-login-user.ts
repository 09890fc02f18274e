import { sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { type InstanceRole, users } from '../schema/user.ts';

/** A Discord user as login sees them. */
export interface LoginUser {
  discordId: string;
  username: string;
  discriminator: string;
  globalName: string | null;
  avatar: string | null;
  /** Make the user an instance ADMIN (from `ADMIN_DISCORD_IDS`); otherwise the role is kept. */
  admin: boolean;
}

/** Inserts or refreshes the logging-in user; returns their id and (possibly promoted) role. */
export const upsertLoginUser = async (
  orm: Orm,
  user: LoginUser,
): Promise<{ id: string; role: InstanceRole }> => {
  const profile = {
    username: user.username,
    discriminator: user.discriminator,
    globalName: user.globalName,
    avatar: user.avatar,
  };
  // A configured admin is promoted, except from BANNED: a ban is lifted deliberately, not by config.
  const role = user.admin
    ? sql`CASE WHEN ${users.role} = 'BANNED' THEN 'BANNED' ELSE 'ADMIN' END`
    : sql`${users.role}`;
  const [row] = await orm
    .insert(users)
    .values({ discordId: user.discordId, ...profile, role: user.admin ? 'ADMIN' : 'USER' })
    .onConflictDoUpdate({ target: users.discordId, set: { ...profile, role } })
    .returning({ id: users.id, role: users.role });
  if (!row) throw new Error('upsert returned no row');
  return row;
};
