import { and, eq, isNull } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { refreshTokens, sessions } from '../schema/auth.ts';

/** A rotation: the presented token dies and its successor joins the family. */
export interface Rotation {
  tokenId: string;
  userId: string;
  sessionId: string;
  familyId: string;
  nextTokenHash: string;
  /** The successor's expiry: the session's, so rotation never extends a login. */
  expiresAt: Date;
  now: Date;
}

/**
 * Marks the token rotated and inserts its successor, atomically. False when the token was
 * rotated or revoked meanwhile (a concurrent use): the caller treats that as reuse.
 */
export const rotateRefreshToken = (orm: Orm, rotation: Rotation): Promise<boolean> =>
  orm.transaction(async (tx) => {
    const rotated = await tx
      .update(refreshTokens)
      .set({ rotatedAt: rotation.now })
      .where(
        and(
          eq(refreshTokens.id, rotation.tokenId),
          isNull(refreshTokens.rotatedAt),
          isNull(refreshTokens.revokedAt),
        ),
      )
      .returning({ id: refreshTokens.id });
    if (rotated.length === 0) return false;
    await tx.insert(refreshTokens).values({
      userId: rotation.userId,
      token: rotation.nextTokenHash,
      sessionId: rotation.sessionId,
      familyId: rotation.familyId,
      expiresAt: rotation.expiresAt,
      createdAt: rotation.now,
    });
    await tx
      .update(sessions)
      .set({ lastUsedAt: rotation.now })
      .where(eq(sessions.id, rotation.sessionId));
    return true;
  });
