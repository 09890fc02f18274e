import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { refreshTokens, sessions } from '../schema/auth.ts';

/** What to revoke: a session (optionally only the user's own) and/or a refresh family. */
export interface Revocation {
  sessionId: string | null;
  familyId?: string;
  /** Only revoke a session of this user (so another user's session id revokes nothing). */
  userId?: string;
  now: Date;
}

/**
 * Revokes a session and every refresh token of it (and of `familyId`). False when the
 * session does not exist or is not the user's; an already revoked one keeps its time.
 */
export const revokeSession = (orm: Orm, revocation: Revocation): Promise<boolean> =>
  orm.transaction(async (tx) => {
    const { sessionId, familyId, userId, now } = revocation;
    if (sessionId !== null) {
      const owned = userId === undefined ? undefined : eq(sessions.userId, userId);
      const found = await tx
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), owned));
      if (found.length === 0) return false;
      await tx
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    }
    const scopes: SQL[] = [];
    if (sessionId !== null) scopes.push(eq(refreshTokens.sessionId, sessionId));
    if (familyId !== undefined) scopes.push(eq(refreshTokens.familyId, familyId));
    if (scopes.length > 0) {
      await tx
        .update(refreshTokens)
        .set({ revokedAt: now })
        .where(and(or(...scopes), isNull(refreshTokens.revokedAt)));
    }
    return true;
  });
