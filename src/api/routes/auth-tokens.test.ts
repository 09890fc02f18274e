import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { alice, bearer, bob, loginAs, useAccessHarness } from '../testing/access-harness.ts';

for (const backend of testBackends()) {
  describe(`refresh, logout and sessions on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db);
    const refresh = (refreshToken: string) =>
      harness().app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken },
      });

    it('rotates: a new pair in the same family, the old token dies', async () => {
      const login = await loginAs(harness(), alice.user.id);
      const first = await refresh(login.refreshToken);
      expect(first.statusCode).toBe(200);
      const rotated = first.json();
      expect(rotated.refreshToken).not.toBe(login.refreshToken);
      const me = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(rotated.accessToken),
      });
      expect(me.statusCode).toBe(200);
      const rows = await db().query<{ familyId: string; rotated: boolean }>(
        `SELECT "familyId", "rotatedAt" IS NOT NULL AS rotated FROM "RefreshToken" ORDER BY "createdAt", rotated DESC`,
      );
      expect(rows.map((row) => row.rotated).sort()).toEqual([false, true]);
      expect(new Set(rows.map((row) => row.familyId)).size).toBe(1);
    });

    it('detects reuse: revokes the family and its session, and audits it', async () => {
      const login = await loginAs(harness(), alice.user.id);
      const next = (await refresh(login.refreshToken)).json();
      const reuse = await refresh(login.refreshToken);
      expect(reuse.statusCode).toBe(401);
      expect(reuse.json().error.code).toBe('REFRESH_TOKEN_REUSED');
      // The thief's copy and the legitimate successor are both dead, and so is the session.
      expect((await refresh(next.refreshToken)).json().error.code).toBe('REFRESH_TOKEN_INVALID');
      const me = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(next.accessToken),
      });
      expect(me.json().error.code).toBe('SESSION_REVOKED');
      const live = await db().query(`SELECT id FROM "RefreshToken" WHERE "revokedAt" IS NULL`);
      expect(live).toEqual([]);
      const audit = await db().query<{ action: string; userId: string }>(
        `SELECT action, "userId" FROM "AuditLog" WHERE action = 'refresh_token_reuse'`,
      );
      expect(audit).toEqual([{ action: 'refresh_token_reuse', userId: login.user.id }]);
    });

    it('refuses an expired refresh token and an unknown one', async () => {
      const login = await loginAs(harness(), alice.user.id);
      expect((await refresh('not-a-token')).statusCode).toBe(401);
      harness().clock.nowMs += 7 * 86_400_000 + 1;
      const expired = await refresh(login.refreshToken);
      harness().clock.nowMs -= 7 * 86_400_000 + 1;
      expect(expired.statusCode).toBe(401);
      expect(expired.json().error.code).toBe('REFRESH_TOKEN_INVALID');
    });

    it('logs out: the session, its access token and its refresh token stop working', async () => {
      const login = await loginAs(harness(), alice.user.id);
      const logout = await harness().app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: bearer(login.accessToken),
      });
      expect(logout.statusCode).toBe(204);
      expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
      const me = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(login.accessToken),
      });
      expect(me.json().error.code).toBe('SESSION_REVOKED');
      expect((await refresh(login.refreshToken)).statusCode).toBe(401);
      const actions = await db().query<{ action: string }>(
        `SELECT action FROM "AuditLog" ORDER BY "timestamp"`,
      );
      expect(actions.map((row) => row.action)).toEqual(['login_success', 'logout']);
    });

    it('lists own sessions with the current one marked, and revokes one', async () => {
      const phone = await loginAs(harness(), alice.user.id, { 'user-agent': 'phone' });
      const laptop = await loginAs(harness(), alice.user.id, { 'user-agent': 'laptop' });
      await loginAs(harness(), bob.user.id);
      const list = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/auth/sessions',
        headers: bearer(laptop.accessToken),
      });
      const sessions: { id: string; userAgent: string; current: boolean }[] = list.json().sessions;
      expect(sessions.map((session) => [session.userAgent, session.current]).sort()).toEqual([
        ['laptop', true],
        ['phone', false],
      ]);
      expect(JSON.stringify(sessions)).not.toMatch(/token/i);
      const phoneSession = sessions.find((session) => session.userAgent === 'phone');
      const revoke = await harness().app.inject({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${phoneSession?.id}`,
        headers: bearer(laptop.accessToken),
      });
      expect(revoke.statusCode).toBe(204);
      const me = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: bearer(phone.accessToken),
      });
      expect(me.json().error.code).toBe('SESSION_REVOKED');
      const audit = await db().query<{ resourceId: string }>(
        `SELECT "resourceId" FROM "AuditLog" WHERE action = 'session_revoke'`,
      );
      expect(audit).toEqual([{ resourceId: phoneSession?.id }]);
    });
  });
}
