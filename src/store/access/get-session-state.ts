import { eq } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { sessions } from '../schema/auth.ts';
import { type InstanceRole, users } from '../schema/user.ts';

/** A session found by its token (the JWT `sid`), with its user's current role. */
export interface SessionStateRow {
  id: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  role: InstanceRole;
}

/** The session whose access tokens carry `sid`, if any. */
export const getSessionState = async (
  orm: Orm,
  sid: string,
): Promise<SessionStateRow | undefined> => {
  const [row] = await orm
    .select({
      id: sessions.id,
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      lastUsedAt: sessions.lastUsedAt,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sid));
  return row;
};
