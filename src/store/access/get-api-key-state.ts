import { eq } from 'drizzle-orm';
import type { ApiKeyState } from '../../access/decide-api-key-access.ts';
import type { Orm } from '../database.ts';
import { type ApiKeyTier, apiKeys } from '../schema/auth.ts';
import { users } from '../schema/user.ts';

/** A key found by its hash, with its owner's role, as authentication needs it. */
export interface ApiKeyStateRow extends ApiKeyState {
  id: string;
  userId: string;
  tier: ApiKeyTier;
  quota: unknown;
}

/** The key whose SHA-256 is `keyHash`, if any (one unique-index lookup). */
export const getApiKeyState = async (
  orm: Orm,
  keyHash: string,
): Promise<ApiKeyStateRow | undefined> => {
  const [row] = await orm
    .select({
      id: apiKeys.id,
      userId: apiKeys.userId,
      tier: apiKeys.tier,
      quota: apiKeys.quota,
      isActive: apiKeys.isActive,
      expiresAt: apiKeys.expiresAt,
      role: users.role,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.key, keyHash));
  return row;
};
