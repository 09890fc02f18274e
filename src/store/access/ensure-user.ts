import { sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { type InstanceRole, users } from '../schema/user.ts';

/**
 * The user with a Discord id, created as a placeholder (the id as username) when unknown, so
 * an operator can prepare keys and roles before the person first logs in; their first login
 * fills in the profile.
 */
export const ensureUser = async (
  orm: Orm,
  discordId: string,
): Promise<{ id: string; discordId: string; role: InstanceRole }> => {
  const [row] = await orm
    .insert(users)
    .values({ discordId, username: discordId, discriminator: '0' })
    .onConflictDoUpdate({ target: users.discordId, set: { discordId: sql`excluded."discordId"` } })
    .returning({
      id: users.id,
      discordId: users.discordId,
      role: users.role,
    });
  if (!row) throw new Error('upsert returned no row');
  return row;
};
