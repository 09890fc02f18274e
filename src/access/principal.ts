import type { ApiKeyTier } from '../store/schema/auth.ts';
import type { InstanceRole } from '../store/schema/user.ts';
import type { KeyQuota } from './tier-limits.ts';

/** A dashboard login: an access token of a live session. */
export interface SessionPrincipal {
  via: 'session';
  userId: string;
  role: InstanceRole;
  sessionId: string;
  /** When the presented access token expires (a WebSocket closes then). */
  accessExpiresAt: Date;
}

/** An integration: an API key, acting with its owner's rights within its tier's limits. */
export interface ApiKeyPrincipal {
  via: 'apiKey';
  userId: string;
  role: InstanceRole;
  apiKeyId: string;
  tier: ApiKeyTier;
  /** The key's daily and monthly quotas per endpoint group. */
  quota: KeyQuota;
  /** When the key stops working, if it has an expiry. */
  expiresAt: Date | null;
}

/** Who is calling, once authenticated; `via` says how. Every route works with either. */
export type Principal = SessionPrincipal | ApiKeyPrincipal;
