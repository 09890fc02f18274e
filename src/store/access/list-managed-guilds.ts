import { asc, eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { managedGuilds } from '../schema/auth.ts';

/** The guilds a user may manage according to their last login (whether or not the bot is in them). */
export const listManagedGuilds = (
  orm: Orm,
  userId: string,
): Promise<{ id: string; owner: boolean; permissions: string }[]> =>
  orm
    .select({
      id: managedGuilds.guildId,
      owner: managedGuilds.owner,
      permissions: managedGuilds.permissions,
    })
    .from(managedGuilds)
    .where(eq(managedGuilds.userId, userId))
    .orderBy(asc(managedGuilds.guildId));
