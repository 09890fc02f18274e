import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toLimitWindows } from '../../access/limit-windows.ts';
import type { Principal } from '../../access/principal.ts';
import { KEY_RATE_LIMIT_PER_MINUTE, parseKeyQuota } from '../../access/tier-limits.ts';
import { toEndpointCategory, toQuotaStanding } from '../../access/to-quota-standing.ts';
import { AppError } from '../../errors/app-error.ts';
import { getApiKey } from '../../store/access/get-api-key.ts';
import { listApiKeys } from '../../store/access/list-api-keys.ts';
import { listQuotaTotals } from '../../store/access/list-quota-totals.ts';
import { listQuotaUsage } from '../../store/access/list-quota-usage.ts';
import { revokeApiKey } from '../../store/access/revoke-api-key.ts';
import { type AuthContext, audit } from '../auth/auth-context.ts';
import { getPrincipal, getSessionPrincipal } from '../auth/authenticate.ts';
import { issueApiKey } from '../auth/issue-api-key.ts';
import { bearerSecurity, errorSchema, toFieldError } from './access-schemas.ts';
import {
  apiKeySchema,
  createKeyBody,
  keyUsageSchema,
  toApiKeyJson,
  usageQuery,
} from './keys-schemas.ts';

const keyParams = z.object({ id: z.uuid({ message: 'expected a key id' }) });
const DAY_MS = 86_400_000;
/** The usage listing covers 30 days by default and at most 92. */
const DEFAULT_USAGE_DAYS = 30;
const MAX_USAGE_DAYS = 92;

/** Admins manage every key; others only their own (another's reads as missing). */
const ownerScope = (principal: Principal) =>
  principal.role === 'ADMIN' ? undefined : principal.userId;

const toUsageDays = (query: { from?: string | undefined; to?: string | undefined }, now: Date) => {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from =
    query.from ??
    new Date(Date.parse(to) - (DEFAULT_USAGE_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  if (from > to) throw toFieldError('querystring.from', 'must not be after to');
  if (Date.parse(to) - Date.parse(from) >= MAX_USAGE_DAYS * DAY_MS) {
    throw toFieldError('querystring.from', `the range spans at most ${MAX_USAGE_DAYS} days`);
  }
  return { from, to };
};

/** API keys: create (shown once), list, revoke, and usage against the quota. */
export const keysRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/keys',
      {
        schema: {
          tags: ['keys'],
          summary:
            'Create an API key; the plaintext `spw_…` is in this response only. Needs a dashboard login; tiers above FREE need an instance admin.',
          security: bearerSecurity,
          body: createKeyBody,
          response: {
            201: z.object({
              key: z.string().describe('The key itself: shown once, stored only as a hash.'),
              apiKey: apiKeySchema,
            }),
            400: errorSchema,
            401: errorSchema,
            403: errorSchema,
            409: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const principal = getSessionPrincipal(request);
        const { name, tier, expiresAt } = request.body;
        if (tier !== 'FREE' && principal.role !== 'ADMIN') throw new AppError('TIER_FORBIDDEN');
        const now = context.now();
        const expiry = expiresAt === undefined ? null : new Date(expiresAt);
        if (expiry !== null && expiry <= now) {
          throw toFieldError('body.expiresAt', 'must be in the future');
        }
        const issued = await issueApiKey(context.orm, {
          userId: principal.userId,
          name,
          tier,
          expiresAt: expiry,
          now,
        });
        await audit(context, request, {
          userId: principal.userId,
          action: 'api_key_create',
          resource: 'api_key',
          resourceId: issued.row.id,
          details: { name, tier, prefix: issued.row.prefix, expiresAt: expiresAt ?? null },
        });
        reply.header('cache-control', 'no-store');
        return reply.status(201).send({ key: issued.key, apiKey: toApiKeyJson(issued.row, now) });
      },
    );

    app.get(
      '/api/v1/keys',
      {
        schema: {
          tags: ['keys'],
          summary: 'Your API keys, revoked and expired ones included, newest first.',
          security: bearerSecurity,
          response: { 200: z.object({ keys: z.array(apiKeySchema) }), 401: errorSchema },
        },
      },
      async (request) => {
        const rows = await listApiKeys(context.orm, getPrincipal(request).userId);
        const now = context.now();
        return { keys: rows.map((row) => toApiKeyJson(row, now)) };
      },
    );

    app.delete(
      '/api/v1/keys/:id',
      {
        schema: {
          tags: ['keys'],
          summary: 'Revoke a key: it answers 401 from now on. Admins may revoke any key.',
          security: bearerSecurity,
          params: keyParams,
          response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 404: errorSchema },
        },
      },
      async (request, reply) => {
        const principal = getPrincipal(request);
        const revoked = await revokeApiKey(context.orm, request.params.id, ownerScope(principal));
        if (!revoked) throw new AppError('API_KEY_NOT_FOUND');
        await audit(context, request, {
          userId: principal.userId,
          action: 'api_key_revoke',
          resource: 'api_key',
          resourceId: request.params.id,
          details: { ownerId: revoked.userId },
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/keys/:id/usage',
      {
        schema: {
          tags: ['keys'],
          summary:
            'A key’s requests per UTC day and endpoint (default: the last 30 days), and where it stands against its daily and monthly quotas.',
          security: bearerSecurity,
          params: keyParams,
          querystring: usageQuery,
          response: { 200: keyUsageSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
        },
      },
      async (request) => {
        const principal = getPrincipal(request);
        const key = await getApiKey(context.orm, request.params.id, ownerScope(principal));
        if (!key) throw new AppError('API_KEY_NOT_FOUND');
        const now = context.now();
        const days = toUsageDays(request.query, now);
        // This process's counts not yet written would be missing otherwise.
        await context.usage.flush();
        const windows = toLimitWindows(now);
        const [rows, totals] = await Promise.all([
          listQuotaUsage(context.orm, key.id, days),
          listQuotaTotals(context.db, key.id, windows),
        ]);
        return {
          keyId: key.id,
          tier: key.tier,
          rateLimitPerMinute: KEY_RATE_LIMIT_PER_MINUTE[key.tier],
          today: windows.day,
          quotas: toQuotaStanding(totals, parseKeyQuota(key.quota, key.tier)),
          days: rows.map((row) => ({ ...row, category: toEndpointCategory(row.endpoint) ?? null })),
        };
      },
    );
  };
