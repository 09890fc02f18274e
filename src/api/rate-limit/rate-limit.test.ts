import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRedis, openRedis } from '../../store/redis.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import type { App } from '../app.ts';
import {
  type AccessHarness,
  alice,
  bearer,
  createHarnessApp,
  createKeyAs,
  guildIds,
  insertKnownGuilds,
  keyHeader,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';

const overview = `/api/v1/guilds/${guildIds.owned}/overview`;
const noon = Date.UTC(2026, 10, 25, 12, 0, 1);

/** Alice logged in at `nowMs`, with a fresh FREE key whose daily analytics quota may be cut. */
const setUp = async (
  harness: AccessHarness,
  db: () => import('../../store/database.ts').Database,
  nowMs: number,
  analyticsDaily?: number,
) => {
  harness.clock.nowMs = nowMs;
  await insertKnownGuilds(db());
  const tokens = await loginAs(harness, alice.user.id);
  const { key, id } = await createKeyAs(harness, tokens.accessToken);
  if (analyticsDaily !== undefined) {
    const quota = {
      analytics: { daily: analyticsDaily, monthly: 100 },
      users: { daily: 500, monthly: 15_000 },
    };
    await db().query(`UPDATE "ApiKey" SET quota = $2::jsonb WHERE id = $1`, [
      id,
      JSON.stringify(quota),
    ]);
  }
  return { tokens, key, id };
};

const get = (app: App, url: string, headers: Record<string, string>) =>
  app.inject({ method: 'GET', url, headers });

for (const backend of testBackends()) {
  describe(`rate limits and quotas on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db);

    it('tells a FREE key its limits: 60 a minute, 1000 analytics a day', async () => {
      const { key } = await setUp(harness(), db, noon);
      const response = await get(harness().app, overview, keyHeader(key));
      expect(response.statusCode).toBe(200);
      expect(response.headers).toMatchObject({
        'ratelimit-limit': '60',
        'ratelimit-remaining': '59',
        'ratelimit-reset': '59',
        'x-quota-limit': '1000',
        'x-quota-remaining': '999',
        'x-quota-reset': String(12 * 3_600 - 1),
      });
    });

    it('refuses the N+1th request with 429, Retry-After and the exhausted quota named', async () => {
      const { key } = await setUp(harness(), db, noon, 3);
      const remaining: string[] = [];
      for (let n = 0; n < 3; n += 1) {
        const response = await get(harness().app, overview, keyHeader(key));
        expect(response.statusCode).toBe(200);
        remaining.push(String(response.headers['x-quota-remaining']));
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const refused = await get(harness().app, overview, keyHeader(key));
      expect(refused.statusCode).toBe(429);
      expect(refused.headers).toMatchObject({
        'retry-after': String(12 * 3_600 - 1),
        'x-quota-limit': '3',
        'x-quota-remaining': '0',
        // The refused request is not counted anywhere.
        'ratelimit-remaining': '57',
      });
      expect(refused.json()).toEqual({
        error: {
          code: 'QUOTA_EXCEEDED',
          message:
            'The daily analytics quota of 3 requests is used up; it resets at 2026-11-26T00:00:00.000Z.',
          details: {
            quota: 'analytics',
            period: 'daily',
            limit: 3,
            resetAt: '2026-11-26T00:00:00.000Z',
          },
        },
      });
      // Other groups and unmetered routes are not affected.
      expect((await get(harness().app, '/api/v1/me', keyHeader(key))).statusCode).toBe(200);
    });

    it('starts a new daily quota at UTC midnight', async () => {
      const beforeMidnight = Date.UTC(2026, 10, 25, 23, 59, 50);
      const { key } = await setUp(harness(), db, beforeMidnight, 2);
      await get(harness().app, overview, keyHeader(key));
      await get(harness().app, overview, keyHeader(key));
      const refused = await get(harness().app, overview, keyHeader(key));
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('10');
      harness().clock.nowMs = Date.UTC(2026, 10, 26, 0, 0, 0);
      const nextDay = await get(harness().app, overview, keyHeader(key));
      expect(nextDay.statusCode).toBe(200);
      expect(nextDay.headers['x-quota-remaining']).toBe('1');
    });

    it('refuses the 61st request of a minute with 429 RATE_LIMITED', async () => {
      const { key } = await setUp(harness(), db, noon);
      for (let n = 0; n < 60; n += 1) {
        const response = await get(harness().app, '/api/v1/me', keyHeader(key));
        expect(response.statusCode).toBe(200);
      }
      const refused = await get(harness().app, '/api/v1/me', keyHeader(key));
      expect(refused.statusCode).toBe(429);
      expect(refused.headers).toMatchObject({
        'retry-after': '59',
        'ratelimit-limit': '60',
        'ratelimit-remaining': '0',
      });
      expect(refused.headers['x-quota-limit']).toBeUndefined();
      expect(refused.json().error).toMatchObject({
        code: 'RATE_LIMITED',
        details: { quota: 'rate', period: 'minute', limit: 60 },
      });
      harness().clock.nowMs = noon + 60_000;
      expect((await get(harness().app, '/api/v1/me', keyHeader(key))).statusCode).toBe(200);
    });

    it('records usage per day and endpoint, and reports it against the quota', async () => {
      const { key, id, tokens } = await setUp(harness(), db, noon, 10);
      for (let n = 0; n < 3; n += 1) await get(harness().app, overview, keyHeader(key));
      for (let n = 0; n < 2; n += 1) await get(harness().app, '/api/v1/me', keyHeader(key));
      const usage = await get(
        harness().app,
        `/api/v1/keys/${id}/usage`,
        bearer(tokens.accessToken),
      );
      expect(usage.statusCode).toBe(200);
      expect(usage.json()).toEqual({
        keyId: id,
        tier: 'FREE',
        rateLimitPerMinute: 60,
        today: '2026-11-25',
        quotas: {
          analytics: {
            daily: { used: 3, limit: 10, remaining: 7 },
            monthly: { used: 3, limit: 100, remaining: 97 },
          },
          users: {
            daily: { used: 0, limit: 500, remaining: 500 },
            monthly: { used: 0, limit: 15_000, remaining: 15_000 },
          },
        },
        days: [
          {
            date: '2026-11-25',
            endpoint: 'GET /api/v1/guilds/:guildId/overview',
            category: 'analytics',
            count: 3,
          },
          { date: '2026-11-25', endpoint: 'GET /api/v1/me', category: null, count: 2 },
        ],
      });
      const keys = await get(harness().app, '/api/v1/keys', bearer(tokens.accessToken));
      expect(keys.json().keys[0].lastUsedAt).toBe(new Date(noon).toISOString());
    });

    it('continues from QuotaUsage after a restart without Redis', async () => {
      const { key, id, tokens } = await setUp(harness(), db, noon, 3);
      await get(harness().app, overview, keyHeader(key));
      await get(harness().app, overview, keyHeader(key));
      // Reading the usage writes this process's pending counts, as closing the app would.
      await get(harness().app, `/api/v1/keys/${id}/usage`, bearer(tokens.accessToken));
      const restarted = await createHarnessApp(db(), harness().sim, harness().clock);
      try {
        const last = await get(restarted, overview, keyHeader(key));
        expect(last.statusCode).toBe(200);
        expect(last.headers['x-quota-remaining']).toBe('0');
        expect((await get(restarted, overview, keyHeader(key))).statusCode).toBe(429);
      } finally {
        await restarted.close();
      }
    });

    it('gives dashboard sessions a generous per-user limit and no quota', async () => {
      const { tokens } = await setUp(harness(), db, noon);
      const response = await get(harness().app, overview, bearer(tokens.accessToken));
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe('600');
      // Creating the key was this user's first counted request.
      expect(response.headers['ratelimit-remaining']).toBe('598');
      expect(response.headers['x-quota-limit']).toBeUndefined();
    });
  });
}

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('two API processes sharing Redis', () => {
  const [pglite] = testBackends();
  if (!pglite) throw new Error('no test backend');
  const db = useTestDatabase(pglite);
  const harness = useAccessHarness(db);
  const redis = openRedis(redisUrl ?? 'redis://127.0.0.1:6379');
  afterAll(() => closeRedis(redis));

  it('share one count: the quota holds across both', async () => {
    const { key } = await setUp(harness(), db, noon, 3);
    const redisKeyPrefix = `spw-test:${randomBytes(6).toString('hex')}:`;
    const [first, second] = await Promise.all(
      [0, 1].map(() =>
        createHarnessApp(db(), harness().sim, harness().clock, { redis, redisKeyPrefix }),
      ),
    );
    if (!first || !second) throw new Error('apps not created');
    try {
      const statuses: number[] = [];
      const remaining: string[] = [];
      for (const app of [first, second, first, second]) {
        const response = await get(app, overview, keyHeader(key));
        statuses.push(response.statusCode);
        remaining.push(String(response.headers['ratelimit-remaining']));
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(remaining).toEqual(['59', '58', '57', '57']);
      const refused = await get(second, overview, keyHeader(key));
      expect(refused.json().error.code).toBe('QUOTA_EXCEEDED');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
