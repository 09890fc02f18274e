import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  alice,
  bearer,
  carol,
  createKeyAs,
  guildIds,
  insertKnownGuilds,
  keyHeader,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';

for (const backend of testBackends()) {
  describe(`API keys on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db, { adminDiscordIds: [carol.user.id] });

    it('shows a new key once, stores only its SHA-256, and lets it act as its owner', async () => {
      await insertKnownGuilds(db());
      const tokens = await loginAs(harness(), alice.user.id);
      const created = await harness().app.inject({
        method: 'POST',
        url: '/api/v1/keys',
        headers: bearer(tokens.accessToken),
        payload: { name: '  grafana  ' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers['cache-control']).toBe('no-store');
      const { key, apiKey } = created.json();
      expect(key).toMatch(/^spw_[A-Za-z0-9_-]{43}$/);
      expect(apiKey).toMatchObject({
        prefix: key.slice(0, 12),
        name: 'grafana',
        tier: 'FREE',
        status: 'active',
        rateLimitPerMinute: 60,
        quota: {
          analytics: { daily: 1_000, monthly: 30_000 },
          users: { daily: 500, monthly: 15_000 },
        },
        expiresAt: null,
        lastUsedAt: null,
      });
      const stored = await db().query<{ key: string }>(`SELECT key FROM "ApiKey"`);
      expect(stored).toEqual([{ key: createHash('sha256').update(key).digest('hex') }]);
      const listed = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/keys',
        headers: bearer(tokens.accessToken),
      });
      expect(listed.body).not.toContain(key);
      expect(listed.json().keys).toEqual([apiKey]);
      const guilds = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/guilds',
        headers: keyHeader(key),
      });
      expect(
        guilds
          .json()
          .guilds.map((guild: { id: string }) => guild.id)
          .sort(),
      ).toEqual([guildIds.owned, guildIds.administrator, guildIds.manageServer].sort());
      const [audit] = await db().query<{ action: string; details: Record<string, unknown> }>(
        `SELECT action, details FROM "AuditLog" WHERE action = 'api_key_create'`,
      );
      expect(audit).toEqual({
        action: 'api_key_create',
        details: { name: 'grafana', tier: 'FREE', prefix: key.slice(0, 12), expiresAt: null },
      });
      expect(harness().logs.join('\n')).not.toContain(key);
    });

    it('lets an instance admin create ENTERPRISE keys with ×100 quotas', async () => {
      const tokens = await loginAs(harness(), carol.user.id);
      const created = await harness().app.inject({
        method: 'POST',
        url: '/api/v1/keys',
        headers: bearer(tokens.accessToken),
        payload: { name: 'export job', tier: 'ENTERPRISE' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().apiKey).toMatchObject({
        tier: 'ENTERPRISE',
        rateLimitPerMinute: 1_200,
        quota: {
          analytics: { daily: 100_000, monthly: 3_000_000 },
          users: { daily: 50_000, monthly: 1_500_000 },
        },
      });
    });

    it('revokes a key: 401 from then on, listed as revoked, audited', async () => {
      const tokens = await loginAs(harness(), alice.user.id);
      const { key, id } = await createKeyAs(harness(), tokens.accessToken);
      expect(
        (await harness().app.inject({ method: 'GET', url: '/api/v1/me', headers: keyHeader(key) }))
          .statusCode,
      ).toBe(200);
      const revoked = await harness().app.inject({
        method: 'DELETE',
        url: `/api/v1/keys/${id}`,
        headers: bearer(tokens.accessToken),
      });
      expect(revoked.statusCode).toBe(204);
      const after = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: keyHeader(key),
      });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('API_KEY_REVOKED');
      const listed = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/keys',
        headers: bearer(tokens.accessToken),
      });
      expect(listed.json().keys[0].status).toBe('revoked');
      const rows = await db().query(
        `SELECT "resourceId" FROM "AuditLog" WHERE action = 'api_key_revoke'`,
      );
      expect(rows).toEqual([{ resourceId: id }]);
    });

    it.each<[string, object, string]>([
      ['no name', {}, 'body.name'],
      ['an empty name', { name: '   ' }, 'body.name'],
      ['an unknown tier', { name: 'x', tier: 'GOLD' }, 'body.tier'],
      ['an expiry that is not a date', { name: 'x', expiresAt: 'tomorrow' }, 'body.expiresAt'],
      ['an expiry in the past', { name: 'x', expiresAt: '2020-01-01T00:00:00Z' }, 'body.expiresAt'],
    ])('refuses %s with 400 naming the field', async (_name, payload, field) => {
      const tokens = await loginAs(harness(), alice.user.id);
      const response = await harness().app.inject({
        method: 'POST',
        url: '/api/v1/keys',
        headers: bearer(tokens.accessToken),
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.details[0].field).toBe(field);
    });

    it('refuses a 26th usable key with 409, and a bad key id with 400', async () => {
      const tokens = await loginAs(harness(), alice.user.id);
      await db().query(
        `INSERT INTO "ApiKey" (key, "userId", tier, quota)
         SELECT md5(n::text), $1, 'FREE', '{}'::jsonb FROM generate_series(1, 25) AS n`,
        [tokens.user.id],
      );
      const response = await harness().app.inject({
        method: 'POST',
        url: '/api/v1/keys',
        headers: bearer(tokens.accessToken),
        payload: { name: 'one too many' },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('API_KEY_LIMIT_REACHED');
      const badId = await harness().app.inject({
        method: 'DELETE',
        url: '/api/v1/keys/not-a-key',
        headers: bearer(tokens.accessToken),
      });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.details[0].field).toBe('params.id');
    });
  });
}
