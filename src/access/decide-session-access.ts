import type { InstanceRole } from '../store/schema/user.ts';

/** The session and user behind an access token, as stored. */
export interface SessionState {
  expiresAt: Date;
  revokedAt: Date | null;
  role: InstanceRole;
}

/** Whether a stored session still lets its user in. */
export type SessionAccess = { type: 'allow' } | { type: 'ended' } | { type: 'banned' };

/** Decides whether a session (undefined: unknown) admits a request at `now`. */
export const decideSessionAccess = (
  session: SessionState | undefined,
  now: Date,
): SessionAccess => {
  if (!session || session.revokedAt !== null || session.expiresAt <= now) return { type: 'ended' };
  if (session.role === 'BANNED') return { type: 'banned' };
  return { type: 'allow' };
};
