import { z } from 'zod';
import { KEY_RATE_LIMIT_PER_MINUTE, parseKeyQuota } from '../../access/tier-limits.ts';
import type { ApiKeyRow } from '../../store/access/insert-api-key.ts';
import { apiKeyTiers } from '../../store/schema/auth.ts';

const periodSchema = z.object({ daily: z.number().int(), monthly: z.number().int() });

/** A key as its owner sees it: never the key itself, only its first characters. */
export const apiKeySchema = z.object({
  id: z.string(),
  prefix: z.string().describe('The first characters of the key, to recognise it.'),
  name: z.string().nullable(),
  tier: z.enum(apiKeyTiers),
  status: z.enum(['active', 'revoked', 'expired']),
  quota: z.object({ analytics: periodSchema, users: periodSchema }),
  rateLimitPerMinute: z.number().int(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso
    .datetime()
    .nullable()
    .describe('Kept to the minute or so: usage is written in batches.'),
});

/** The API's view of a stored key at `now`. */
export const toApiKeyJson = (row: ApiKeyRow, now: Date): z.infer<typeof apiKeySchema> => ({
  id: row.id,
  prefix: row.prefix,
  name: row.name,
  tier: row.tier,
  status: !row.isActive
    ? 'revoked'
    : row.expiresAt !== null && row.expiresAt <= now
      ? 'expired'
      : 'active',
  quota: parseKeyQuota(row.quota, row.tier),
  rateLimitPerMinute: KEY_RATE_LIMIT_PER_MINUTE[row.tier],
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/** `POST /api/v1/keys`. */
export const createKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  tier: z.enum(apiKeyTiers).default('FREE').describe('Above FREE: instance admins only.'),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'expected an ISO 8601 date-time' })
    .optional()
    .describe('Optional; must be in the future. Without it the key lives until revoked.'),
});

const standingSchema = z.object({
  used: z.number().int(),
  limit: z.number().int(),
  remaining: z.number().int(),
});

/** `GET /api/v1/keys/:id/usage`. */
export const keyUsageSchema = z.object({
  keyId: z.string(),
  tier: z.enum(apiKeyTiers),
  rateLimitPerMinute: z.number().int(),
  today: z.string().describe('The current UTC day.'),
  quotas: z.record(
    z.enum(['analytics', 'users']),
    z.object({ daily: standingSchema, monthly: standingSchema }),
  ),
  days: z.array(
    z.object({
      date: z.string(),
      endpoint: z.string().describe('Method and route pattern.'),
      category: z.enum(['analytics', 'users']).nullable().describe('null: no daily quota.'),
      count: z.number().int(),
    }),
  ),
});

const day = z.iso.date({ message: 'expected a date such as 2026-01-31' });

/** `from`/`to` (UTC days, inclusive) of the usage listing. */
export const usageQuery = z.object({ from: day.optional(), to: day.optional() });
