import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  alice,
  authorizeAt,
  bearer,
  carol,
  insertKnownGuilds,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';

for (const backend of testBackends()) {
  describe(`Discord login on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db, { adminDiscordIds: [carol.user.id] });

    const auditActions = async () =>
      (
        await db().query<{ action: string; details: unknown }>(
          `SELECT action, details FROM "AuditLog" ORDER BY "timestamp", id`,
        )
      ).map((row) => row.action);

    it('redirects to the authorize URL with state, PKCE S256 and the callback', async () => {
      const response = await harness().app.inject({ method: 'GET', url: '/api/v1/auth/login' });
      expect(response.statusCode).toBe(302);
      const location = new URL(String(response.headers.location));
      expect(`${location.origin}${location.pathname}`).toBe(harness().sim.authorizeUrl);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        response_type: 'code',
        client_id: harness().sim.application.clientId,
        redirect_uri: 'http://spywatcher.test/api/v1/auth/callback',
        scope: 'identify guilds',
        code_challenge_method: 'S256',
      });
      expect(location.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
      expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    });

    it('logs in through the simulator: user, session, managed guilds, tokens, audit', async () => {
      await insertKnownGuilds(db());
      const url = await authorizeAt(harness(), alice.user.id);
      const response = await harness().app.inject({
        method: 'GET',
        url,
        headers: { accept: 'application/json', 'user-agent': 'vitest' },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(body.user).toMatchObject({
        discordId: alice.user.id,
        username: 'user1',
        role: 'USER',
      });
      expect(Object.keys(body).sort()).toEqual(
        ['accessToken', 'expiresIn', 'refreshToken', 'tokenType', 'user'].sort(),
      );
      const cookie = String(response.headers['set-cookie']);
      expect(cookie).toContain(`spw_refresh=${body.refreshToken}`);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\/api\/v1\/auth/);

      const [session] = await db().query<{ userAgent: string; ms: number }>(
        `SELECT "userAgent", extract(epoch FROM "expiresAt" - "createdAt") * 1000 AS ms FROM "Session"`,
      );
      expect(session?.userAgent).toBe('vitest');
      expect(Number(session?.ms)).toBe(7 * 86_400_000);
      const [stored] = await db().query<{ token: string }>(`SELECT token FROM "RefreshToken"`);
      expect(stored?.token).toMatch(/^[0-9a-f]{64}$/);
      expect(stored?.token).not.toBe(body.refreshToken);

      const me = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(body.accessToken),
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().managedGuilds.map((guild: { id: string }) => guild.id).length).toBe(4);
      expect(await auditActions()).toEqual(['login_success']);
      // Neither Discord's tokens nor ours are anywhere in the audit log.
      const audit = JSON.stringify(await db().query(`SELECT * FROM "AuditLog"`));
      expect(audit).not.toContain(body.refreshToken);
    });

    it('writes neither the code, the state nor any token to the logs', async () => {
      const url = await authorizeAt(harness(), alice.user.id);
      const query = new URL(url, 'http://x').searchParams;
      const tokens = (
        await harness().app.inject({ method: 'GET', url, headers: { accept: 'application/json' } })
      ).json();
      await harness().app.inject({ method: 'GET', url });
      const logs = harness().logs.join('\n');
      expect(logs).toContain('/api/v1/auth/callback');
      for (const secret of [
        query.get('code'),
        query.get('state'),
        tokens.accessToken,
        tokens.refreshToken,
      ]) {
        expect(logs).not.toContain(secret);
      }
    });

    it('sends browsers to the dashboard with only the refresh cookie', async () => {
      const url = await authorizeAt(harness(), alice.user.id);
      const response = await harness().app.inject({
        method: 'GET',
        url,
        headers: { accept: 'text/html' },
      });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/');
      const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
      const refreshed = await harness().app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: { cookie },
      });
      expect(refreshed.json()).toMatchObject({ tokenType: 'Bearer' });
      expect(refreshed.json().accessToken).toBeTypeOf('string');
    });

    it('makes configured admins ADMIN', async () => {
      const tokens = await loginAs(harness(), carol.user.id);
      expect(tokens.user.role).toBe('ADMIN');
    });

    it('refuses a callback whose state it did not issue, and audits it', async () => {
      const url = new URL(await authorizeAt(harness(), alice.user.id), 'http://x');
      url.searchParams.set('state', 'forged-state');
      const response = await harness().app.inject({
        method: 'GET',
        url: `${url.pathname}${url.search}`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('LOGIN_FAILED');
      expect(await auditActions()).toEqual(['login_failure']);
      expect(await db().query(`SELECT id FROM "Session"`)).toEqual([]);
    });

    it('refuses a replayed callback (state single use) and a replayed code', async () => {
      const url = await authorizeAt(harness(), alice.user.id);
      const first = await harness().app.inject({
        method: 'GET',
        url,
        headers: { accept: 'application/json' },
      });
      expect(first.statusCode).toBe(200);
      const replay = await harness().app.inject({
        method: 'GET',
        url,
        headers: { accept: 'application/json' },
      });
      expect(replay.statusCode).toBe(400);
      expect(replay.json().error.code).toBe('LOGIN_FAILED');

      // The same code under a fresh, valid state: Discord refuses the spent code.
      const fresh = new URL(await authorizeAt(harness(), alice.user.id), 'http://x');
      const spent = new URL(url, 'http://x');
      fresh.searchParams.set('code', spent.searchParams.get('code') ?? '');
      const replayedCode = await harness().app.inject({
        method: 'GET',
        url: `${fresh.pathname}${fresh.search}`,
      });
      expect(replayedCode.statusCode).toBe(400);
      expect(replayedCode.json().error.code).toBe('LOGIN_FAILED');
      const failures = await db().query<{ details: { reason: string } }>(
        `SELECT details FROM "AuditLog" WHERE action = 'login_failure' ORDER BY "timestamp"`,
      );
      expect(failures.map((row) => row.details.reason)).toEqual([
        'state_mismatch',
        'code_rejected',
      ]);
    });

    it('refuses a state older than ten minutes', async () => {
      const url = await authorizeAt(harness(), alice.user.id);
      harness().clock.nowMs += 11 * 60_000;
      const response = await harness().app.inject({ method: 'GET', url });
      harness().clock.nowMs -= 11 * 60_000;
      expect(response.json().error.code).toBe('LOGIN_FAILED');
    });

    it('refuses a login the user cancelled', async () => {
      const login = await harness().app.inject({ method: 'GET', url: '/api/v1/auth/login' });
      const authorize = new URL(String(login.headers.location));
      authorize.searchParams.set('sim_deny', '1');
      const consent = await fetch(authorize, { redirect: 'manual' });
      const callback = new URL(String(consent.headers.get('location')));
      const response = await harness().app.inject({
        method: 'GET',
        url: `${callback.pathname}${callback.search}`,
      });
      expect(response.statusCode).toBe(400);
      expect(await auditActions()).toEqual(['login_failure']);
    });
  });
}
