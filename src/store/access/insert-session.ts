import type { Orm } from '../database.ts';
import { refreshTokens, sessions } from '../schema/auth.ts';

/** A new login: the session and the first refresh token of its family. */
export interface NewSession {
  userId: string;
  /** The access tokens' `sid`. */
  sessionToken: string;
  refreshTokenHash: string;
  familyId: string;
  ipAddress: string | null;
  userAgent: string | null;
  now: Date;
  expiresAt: Date;
}

/** Inserts a session and its first refresh token together; returns the session id. */
export const insertSession = (orm: Orm, session: NewSession): Promise<string> =>
  orm.transaction(async (tx) => {
    const [row] = await tx
      .insert(sessions)
      .values({
        userId: session.userId,
        token: session.sessionToken,
        ipAddress: session.ipAddress,
        userAgent: session.userAgent,
        expiresAt: session.expiresAt,
        createdAt: session.now,
        lastUsedAt: session.now,
      })
      .returning({ id: sessions.id });
    if (!row) throw new Error('insert returned no row');
    await tx.insert(refreshTokens).values({
      userId: session.userId,
      token: session.refreshTokenHash,
      sessionId: row.id,
      familyId: session.familyId,
      expiresAt: session.expiresAt,
      createdAt: session.now,
    });
    return row.id;
  });
