import type { InstanceRole } from '../store/schema/user.ts';

/** Refresh tokens (and their sessions) live 7 days. */
export const REFRESH_TOKEN_TTL_MS = 7 * 86_400_000;

/** A stored refresh token with its session and user, as the decision needs them. */
export interface RefreshState {
  id: string;
  familyId: string;
  sessionId: string | null;
  userId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  sessionEndsAt: Date | null;
  sessionRevokedAt: Date | null;
  role: InstanceRole;
}

/** What to do with a presented refresh token. */
export type RefreshDecision =
  | { type: 'rotate'; tokenId: string; familyId: string; sessionId: string; userId: string }
  | { type: 'reuse'; familyId: string; sessionId: string | null; userId: string }
  | { type: 'invalid' }
  | { type: 'expired' }
  | { type: 'banned' };

/**
 * Rotation: a live token is exchanged for a new one of the same family; a token already
 * rotated is a reuse (stolen copy or replay), which revokes the family and its session.
 * A revoked family stays dead without further alarms.
 */
export const decideRefresh = (token: RefreshState | undefined, now: Date): RefreshDecision => {
  if (!token || token.revokedAt !== null || token.sessionId === null) return { type: 'invalid' };
  if (token.rotatedAt !== null) {
    return {
      type: 'reuse',
      familyId: token.familyId,
      sessionId: token.sessionId,
      userId: token.userId,
    };
  }
  if (token.sessionRevokedAt !== null) return { type: 'invalid' };
  if (token.expiresAt <= now || (token.sessionEndsAt !== null && token.sessionEndsAt <= now)) {
    return { type: 'expired' };
  }
  if (token.role === 'BANNED') return { type: 'banned' };
  return {
    type: 'rotate',
    tokenId: token.id,
    familyId: token.familyId,
    sessionId: token.sessionId,
    userId: token.userId,
  };
};
