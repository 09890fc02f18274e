import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { type InstanceRole, users } from '../schema/user.ts';

/** A role change as applied: who, from what, to what. */
export interface RoleChange {
  id: string;
  discordId: string;
  username: string;
  from: InstanceRole;
  to: InstanceRole;
}

/** Sets a user's instance role by Discord id; undefined when no such user. */
export const setUserRole = (
  orm: Orm,
  discordId: string,
  role: InstanceRole,
): Promise<RoleChange | undefined> =>
  orm.transaction(async (tx) => {
    const [current] = await tx
      .select({
        id: users.id,
        discordId: users.discordId,
        username: users.username,
        from: users.role,
      })
      .from(users)
      .where(eq(users.discordId, discordId))
      .for('update');
    if (!current) return undefined;
    if (current.from !== role) {
      await tx.update(users).set({ role }).where(eq(users.id, current.id));
    }
    return { ...current, to: role };
  });
