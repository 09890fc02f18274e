import type { InstanceRole } from '../store/schema/user.ts';

/** A stored key and its owner's role, as the decision needs them. */
export interface ApiKeyState {
  isActive: boolean;
  expiresAt: Date | null;
  role: InstanceRole;
}

/** Whether a presented key lets a request in. */
export type ApiKeyAccess =
  | { type: 'allow' }
  | { type: 'unknown' }
  | { type: 'revoked' }
  | { type: 'expired' }
  | { type: 'banned' };

/** Decides on a key found by its hash (undefined: no such key) at `now`. */
export const decideApiKeyAccess = (key: ApiKeyState | undefined, now: Date): ApiKeyAccess => {
  if (!key) return { type: 'unknown' };
  if (!key.isActive) return { type: 'revoked' };
  if (key.expiresAt !== null && key.expiresAt <= now) return { type: 'expired' };
  if (key.role === 'BANNED') return { type: 'banned' };
  return { type: 'allow' };
};
