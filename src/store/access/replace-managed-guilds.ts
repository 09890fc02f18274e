import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { managedGuilds } from '../schema/auth.ts';

/** Replaces what a user may manage with the list from their latest login, in one transaction. */
export const replaceManagedGuilds = async (
  orm: Orm,
  userId: string,
  guilds: readonly { id: string; owner: boolean; permissions: string }[],
  now: Date,
): Promise<void> => {
  await orm.transaction(async (tx) => {
    await tx.delete(managedGuilds).where(eq(managedGuilds.userId, userId));
    if (guilds.length === 0) return;
    await tx.insert(managedGuilds).values(
      guilds.map((guild) => ({
        userId,
        guildId: guild.id,
        owner: guild.owner,
        permissions: guild.permissions,
        refreshedAt: now,
      })),
    );
  });
};
