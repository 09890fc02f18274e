import { eq } from 'drizzle-orm';
import type { RefreshState } from '../../access/decide-refresh.ts';
import type { Orm } from '../database.ts';
import { refreshTokens, sessions } from '../schema/auth.ts';
import { users } from '../schema/user.ts';

/** A refresh token by its hash, with its session and user, as `decideRefresh` needs it. */
export const getRefreshState = async (
  orm: Orm,
  tokenHash: string,
): Promise<(RefreshState & { sessionToken: string | null }) | undefined> => {
  const [row] = await orm
    .select({
      id: refreshTokens.id,
      familyId: refreshTokens.familyId,
      sessionId: refreshTokens.sessionId,
      userId: refreshTokens.userId,
      expiresAt: refreshTokens.expiresAt,
      rotatedAt: refreshTokens.rotatedAt,
      revokedAt: refreshTokens.revokedAt,
      sessionEndsAt: sessions.expiresAt,
      sessionRevokedAt: sessions.revokedAt,
      sessionToken: sessions.token,
      role: users.role,
    })
    .from(refreshTokens)
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .leftJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.token, tokenHash));
  return row;
};
