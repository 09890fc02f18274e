import { describe, expect, it } from 'vitest';
import { AUTH_FAILURE_LIMIT } from '../../access/decide-auth-failure.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  type AccessHarness,
  alice,
  bearer,
  carol,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';

const as = (harness: AccessHarness, token: string, remoteAddress = '127.0.0.1') => ({
  get: (url: string) =>
    harness.app.inject({ method: 'GET', url, headers: bearer(token), remoteAddress }),
  send: (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    harness.app.inject({
      method,
      url,
      headers: bearer(token),
      remoteAddress,
      ...(payload ? { payload } : {}),
    }),
});

for (const backend of testBackends()) {
  describe(`admin endpoints on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db, { adminDiscordIds: [carol.user.id] });

    it('blocks an address everywhere but health, lists it, lifts it; all audited', async () => {
      const admin = as(harness(), (await loginAs(harness(), carol.user.id)).accessToken);
      const user = await loginAs(harness(), alice.user.id);
      const blocked = '203.0.113.9';
      const added = await admin.send('POST', '/api/v1/admin/ip-blocks', {
        ipAddress: `::ffff:${blocked}`,
        reason: 'scraping',
      });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({ ipAddress: blocked, reason: 'scraping', active: true });
      for (const url of ['/api/v1/me', '/api/v1/auth/login', '/api/docs', '/nowhere']) {
        const response = await harness().app.inject({
          method: 'GET',
          url,
          headers: bearer(user.accessToken),
          remoteAddress: blocked,
        });
        expect([url, response.statusCode, response.json().error.code]).toEqual([
          url,
          403,
          'IP_BLOCKED',
        ]);
      }
      const health = await harness().app.inject({
        method: 'GET',
        url: '/healthz',
        remoteAddress: blocked,
      });
      expect(health.statusCode).toBe(200);
      const listed = await admin.get('/api/v1/admin/ip-blocks?active=true');
      expect(listed.json().blocks.map((b: { ipAddress: string }) => b.ipAddress)).toEqual([
        blocked,
      ]);
      const removed = await admin.send('DELETE', `/api/v1/admin/ip-blocks/${added.json().id}`);
      expect(removed.statusCode).toBe(204);
      const again = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(user.accessToken),
        remoteAddress: blocked,
      });
      expect(again.statusCode).toBe(200);
      const audits = await db().query(
        `SELECT action, details->>'ipAddress' AS ip FROM "AuditLog" WHERE resource = 'ip_block' ORDER BY timestamp, action`,
      );
      expect(audits).toEqual([
        { action: 'ip_block', ip: blocked },
        { action: 'ip_unblock', ip: blocked },
      ]);
    });

    it('stops applying a block when it expires', async () => {
      const admin = as(harness(), (await loginAs(harness(), carol.user.id)).accessToken);
      const expiresAt = new Date(harness().clock.nowMs + 60_000).toISOString();
      await admin.send('POST', '/api/v1/admin/ip-blocks', { ipAddress: '203.0.113.10', expiresAt });
      const during = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        remoteAddress: '203.0.113.10',
      });
      expect(during.statusCode).toBe(403);
      harness().clock.nowMs += 60_000;
      const after = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        remoteAddress: '203.0.113.10',
      });
      expect(after.json().error.code).toBe('UNAUTHENTICATED');
    });

    it.each<[string, object, number, string]>([
      ['not an address', { ipAddress: '10.0.0.300' }, 400, 'VALIDATION_FAILED'],
      ['the admin’s own address', { ipAddress: '127.0.0.1' }, 409, 'CONFLICT'],
      [
        'an expiry in the past',
        { ipAddress: '203.0.113.11', expiresAt: '2020-01-01T00:00:00Z' },
        400,
        'VALIDATION_FAILED',
      ],
    ])('refuses to block %s', async (_name, payload, status, code) => {
      const admin = as(harness(), (await loginAs(harness(), carol.user.id)).accessToken);
      const response = await admin.send('POST', '/api/v1/admin/ip-blocks', payload);
      expect([response.statusCode, response.json().error.code]).toEqual([status, code]);
    });

    it(`blocks an address for 15 minutes after ${AUTH_FAILURE_LIMIT} bad secrets, audited`, async () => {
      const attacker = '198.51.100.77';
      const codes: number[] = [];
      for (let n = 0; n < AUTH_FAILURE_LIMIT + 1; n += 1) {
        const response = await harness().app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer spw_guess${n}` },
          remoteAddress: attacker,
        });
        codes.push(response.statusCode);
      }
      expect(codes).toEqual([...Array(AUTH_FAILURE_LIMIT).fill(401), 403]);
      const [block] = await db().query<{ blockedBy: string; minutes: number }>(
        `SELECT "blockedBy", EXTRACT(EPOCH FROM "expiresAt" - "blockedAt")::int / 60 AS minutes FROM "IpBlock" WHERE "ipAddress" = $1`,
        [attacker],
      );
      expect(block).toEqual({ blockedBy: 'auto', minutes: 15 });
      const audits = await db().query(
        `SELECT action, "ipAddress", details->>'failures' AS failures FROM "AuditLog" WHERE action = 'ip_block_auto'`,
      );
      expect(audits).toEqual([
        { action: 'ip_block_auto', ipAddress: attacker, failures: String(AUTH_FAILURE_LIMIT) },
      ]);
      harness().clock.nowMs += 15 * 60_000;
      const later = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        remoteAddress: attacker,
      });
      expect(later.statusCode).toBe(401);
    });

    it('bans a user (403 everywhere, audited) and lifts the ban', async () => {
      const admin = as(harness(), (await loginAs(harness(), carol.user.id)).accessToken);
      const user = await loginAs(harness(), alice.user.id);
      const banned = await admin.send('POST', `/api/v1/admin/users/${alice.user.id}/ban`, {
        reason: 'abuse',
      });
      expect(banned.statusCode).toBe(200);
      expect(banned.json()).toMatchObject({
        discordId: alice.user.id,
        role: 'BANNED',
        previousRole: 'USER',
      });
      const refused = await as(harness(), user.accessToken).get('/api/v1/me');
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'USER_BANNED']);
      const list = await admin.get('/api/v1/admin/users?role=BANNED');
      expect(list.json()).toMatchObject({
        users: [{ discordId: alice.user.id, role: 'BANNED' }],
        nextAfter: null,
      });
      const lifted = await admin.send('DELETE', `/api/v1/admin/users/${alice.user.id}/ban`);
      expect(lifted.json()).toMatchObject({ role: 'USER', previousRole: 'BANNED' });
      expect((await as(harness(), user.accessToken).get('/api/v1/me')).statusCode).toBe(200);
      const again = await admin.send('DELETE', `/api/v1/admin/users/${alice.user.id}/ban`);
      expect(again.statusCode).toBe(409);
      const audits = await db().query(
        `SELECT action, details->>'from' AS "from", details->>'to' AS "to", details->>'reason' AS reason
         FROM "AuditLog" WHERE resource = 'user' ORDER BY timestamp, action`,
      );
      expect(audits).toEqual([
        { action: 'user_ban', from: 'USER', to: 'BANNED', reason: 'abuse' },
        { action: 'user_unban', from: 'BANNED', to: 'USER', reason: null },
      ]);
    });

    it('changes roles, refuses changing one’s own, and 404s unknown users', async () => {
      const admin = as(harness(), (await loginAs(harness(), carol.user.id)).accessToken);
      await loginAs(harness(), alice.user.id);
      const promoted = await admin.send('PUT', `/api/v1/admin/users/${alice.user.id}/role`, {
        role: 'MODERATOR',
      });
      expect(promoted.json()).toMatchObject({ role: 'MODERATOR', previousRole: 'USER' });
      const self = await admin.send('POST', `/api/v1/admin/users/${carol.user.id}/ban`);
      expect(self.statusCode).toBe(409);
      const unknown = await admin.send('PUT', '/api/v1/admin/users/123456789012345678/role', {
        role: 'ADMIN',
      });
      expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'USER_NOT_FOUND']);
      const banned = await admin.send('PUT', `/api/v1/admin/users/${alice.user.id}/role`, {
        role: 'BANNED',
      });
      expect(banned.statusCode).toBe(400);
    });
  });
}
