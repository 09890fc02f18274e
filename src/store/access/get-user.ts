import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { users } from '../schema/user.ts';

/** A user's public profile and instance role, by id. */
export const getUser = async (orm: Orm, userId: string) => {
  const [row] = await orm
    .select({
      id: users.id,
      discordId: users.discordId,
      username: users.username,
      globalName: users.globalName,
      avatar: users.avatar,
      role: users.role,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
};
