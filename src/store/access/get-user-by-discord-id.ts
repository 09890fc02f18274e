import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { type InstanceRole, users } from '../schema/user.ts';

/** A user's id and role by Discord id. */
export const getUserByDiscordId = async (
  orm: Orm,
  discordId: string,
): Promise<{ id: string; role: InstanceRole } | undefined> => {
  const [row] = await orm
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.discordId, discordId));
  return row;
};
