import { and, count, eq, gt, isNull, or } from 'drizzle-orm';
import type { KeyQuota } from '../../access/tier-limits.ts';
import type { Orm } from '../database.ts';
import { type ApiKeyTier, apiKeys } from '../schema/auth.ts';

/** A key to store: its hash and prefix only, never the plaintext. */
export interface NewApiKey {
  userId: string;
  keyHash: string;
  prefix: string;
  name: string;
  tier: ApiKeyTier;
  quota: KeyQuota;
  expiresAt: Date | null;
  now: Date;
  /** Refuse (undefined) when the user already has this many usable keys. */
  maxActive: number;
}

/** A stored key as its owner sees it. */
export interface ApiKeyRow {
  id: string;
  userId: string;
  prefix: string;
  name: string | null;
  tier: ApiKeyTier;
  quota: unknown;
  isActive: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** The columns of {@link ApiKeyRow}. */
export const apiKeyColumns = {
  id: apiKeys.id,
  userId: apiKeys.userId,
  prefix: apiKeys.prefix,
  name: apiKeys.name,
  tier: apiKeys.tier,
  quota: apiKeys.quota,
  isActive: apiKeys.isActive,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

/**
 * Inserts a key unless the user already holds `maxActive` usable ones (active, unexpired);
 * undefined then. The count and the insert share a transaction.
 */
export const insertApiKey = (orm: Orm, key: NewApiKey): Promise<ApiKeyRow | undefined> =>
  orm.transaction(async (tx) => {
    const [held] = await tx
      .select({ n: count() })
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.userId, key.userId),
          eq(apiKeys.isActive, true),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, key.now)),
        ),
      );
    if ((held?.n ?? 0) >= key.maxActive) return undefined;
    const [row] = await tx
      .insert(apiKeys)
      .values({
        userId: key.userId,
        key: key.keyHash,
        prefix: key.prefix,
        name: key.name,
        tier: key.tier,
        quota: key.quota,
        createdAt: key.now,
        expiresAt: key.expiresAt,
      })
      .returning(apiKeyColumns);
    return row;
  });
