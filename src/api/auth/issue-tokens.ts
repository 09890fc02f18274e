import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TTL_MS, issueAccessToken } from '../../access/access-token.ts';
import { REFRESH_TOKEN_TTL_MS } from '../../access/decide-refresh.ts';
import { createSecretToken, toTokenHash } from '../../access/secret-token.ts';
import { insertSession } from '../../store/access/insert-session.ts';
import type { InstanceRole } from '../../store/schema/user.ts';
import type { AuthContext } from './auth-context.ts';

/** Tokens as the API hands them out (never Discord's). */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  /** Seconds the refresh token (and its cookie) lives. */
  refreshExpiresIn: number;
}

/** An access token for a session (`sid` = the Session's token). */
export const issueTokens = async (
  context: AuthContext,
  grant: { userId: string; role: InstanceRole; sid: string; refreshToken: string; expiresAt: Date },
): Promise<IssuedTokens> => {
  const now = context.now();
  const accessToken = await issueAccessToken(
    { sub: grant.userId, sid: grant.sid, role: grant.role },
    context.jwtKey,
    now,
  );
  return {
    accessToken,
    refreshToken: grant.refreshToken,
    expiresIn: ACCESS_TOKEN_TTL_MS / 1_000,
    refreshExpiresIn: Math.max(0, Math.floor((grant.expiresAt.getTime() - now.getTime()) / 1_000)),
  };
};

/** Opens a 7-day session with the first refresh token of a new family; returns its tokens. */
export const startSession = async (
  context: AuthContext,
  user: { id: string; role: InstanceRole },
  client: { ipAddress: string | null; userAgent: string | null },
): Promise<IssuedTokens & { sessionId: string }> => {
  const now = context.now();
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
  const sid = randomUUID();
  const refreshToken = createSecretToken();
  const sessionId = await insertSession(context.orm, {
    userId: user.id,
    sessionToken: sid,
    refreshTokenHash: toTokenHash(refreshToken),
    familyId: randomUUID(),
    ...client,
    now,
    expiresAt,
  });
  const tokens = await issueTokens(context, {
    userId: user.id,
    role: user.role,
    sid,
    refreshToken,
    expiresAt,
  });
  return { ...tokens, sessionId };
};
