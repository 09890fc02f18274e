import { createApiKeySecret } from '../../access/api-key-secret.ts';
import { toTierQuota } from '../../access/tier-limits.ts';
import { AppError } from '../../errors/app-error.ts';
import { type ApiKeyRow, insertApiKey } from '../../store/access/insert-api-key.ts';
import type { Orm } from '../../store/database.ts';
import type { ApiKeyTier } from '../../store/schema/auth.ts';

/** Usable (active, unexpired) keys one user may hold at once. */
export const MAX_ACTIVE_KEYS_PER_USER = 25;

/** A new key: the plaintext, shown once, and the stored row. */
export interface IssuedApiKey {
  key: string;
  row: ApiKeyRow;
}

/**
 * Creates a key with its tier's quota, storing only its SHA-256 and prefix. Who may pick the
 * tier is the caller's decision (the route and the CLI decide differently).
 */
export const issueApiKey = async (
  orm: Orm,
  request: { userId: string; name: string; tier: ApiKeyTier; expiresAt: Date | null; now: Date },
): Promise<IssuedApiKey> => {
  const secret = createApiKeySecret();
  const row = await insertApiKey(orm, {
    userId: request.userId,
    keyHash: secret.hash,
    prefix: secret.prefix,
    name: request.name,
    tier: request.tier,
    quota: toTierQuota(request.tier),
    expiresAt: request.expiresAt,
    now: request.now,
    maxActive: MAX_ACTIVE_KEYS_PER_USER,
  });
  if (!row) throw new AppError('API_KEY_LIMIT_REACHED');
  return { key: secret.key, row };
};
