import { z } from 'zod';
import { type ApiKeyTier, apiKeyTiers } from '../store/schema/auth.ts';

/** The endpoint groups with daily and monthly quotas. */
export const quotaCategories = ['analytics', 'users'] as const;
export type QuotaCategory = (typeof quotaCategories)[number];

const periodLimits = z.object({
  daily: z.number().int().positive(),
  monthly: z.number().int().positive(),
});

/** A key's quotas, as stored in `ApiKey.quota`. */
export const keyQuotaSchema = z.object({ analytics: periodLimits, users: periodLimits });
export type KeyQuota = z.infer<typeof keyQuotaSchema>;

/** The seed's quota: the FREE tier. */
export const FREE_QUOTA: KeyQuota = {
  analytics: { daily: 1_000, monthly: 30_000 },
  users: { daily: 500, monthly: 15_000 },
};

const QUOTA_MULTIPLIER: Record<ApiKeyTier, number> = { FREE: 1, PRO: 10, ENTERPRISE: 100 };

/** Requests per minute an API key of each tier may make, over all endpoints. */
export const KEY_RATE_LIMIT_PER_MINUTE: Record<ApiKeyTier, number> = {
  FREE: 60,
  PRO: 300,
  ENTERPRISE: 1_200,
};

/**
 * Requests per minute of one logged-in dashboard user (all their sessions together): generous,
 * since one dashboard page loads several analytics at once, but a runaway script still stops.
 */
export const SESSION_RATE_LIMIT_PER_MINUTE = 600;

/** The quota a new key of `tier` gets: FREE's, multiplied (PRO ×10, ENTERPRISE ×100). */
export const toTierQuota = (tier: ApiKeyTier): KeyQuota => {
  const factor = QUOTA_MULTIPLIER[tier];
  const scale = (limits: KeyQuota['analytics']) => ({
    daily: limits.daily * factor,
    monthly: limits.monthly * factor,
  });
  return { analytics: scale(FREE_QUOTA.analytics), users: scale(FREE_QUOTA.users) };
};

/** A stored quota, or the tier's when the stored JSON is not one (e.g. a hand-edited row). */
export const parseKeyQuota = (stored: unknown, tier: ApiKeyTier): KeyQuota => {
  const parsed = keyQuotaSchema.safeParse(stored);
  return parsed.success ? parsed.data : toTierQuota(tier);
};

/** Whether `value` is a tier name. */
export const isApiKeyTier = (value: string): value is ApiKeyTier =>
  (apiKeyTiers as readonly string[]).includes(value);
