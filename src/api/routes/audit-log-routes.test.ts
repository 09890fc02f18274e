import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { alice, bearer, bob, carol, loginAs, useAccessHarness } from '../testing/access-harness.ts';

interface Entry {
  id: string;
  userId: string | null;
  action: string;
  timestamp: string;
}

for (const backend of testBackends()) {
  describe(`audit log on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db, { adminDiscordIds: [carol.user.id] });
    const list = async (token: string, query = '') => {
      const response = await harness().app.inject({
        method: 'GET',
        url: `/api/v1/audit-log${query}`,
        headers: bearer(token),
      });
      expect(response.statusCode).toBe(200);
      return response.json() as { entries: Entry[]; nextCursor: string | null };
    };

    it('shows admins every row and others only their own, newest first', async () => {
      const a = await loginAs(harness(), alice.user.id);
      harness().clock.nowMs += 1_000;
      await loginAs(harness(), bob.user.id);
      harness().clock.nowMs += 1_000;
      const admin = await loginAs(harness(), carol.user.id);
      const all = await list(admin.accessToken);
      expect(all.entries.map((entry) => entry.action)).toEqual([
        'login_success',
        'login_success',
        'login_success',
      ]);
      expect(all.entries.map((entry) => entry.userId)).toEqual([
        admin.user.id,
        expect.any(String),
        a.user.id,
      ]);
      const own = await list(a.accessToken);
      expect(own.entries.map((entry) => entry.userId)).toEqual([a.user.id]);
      const forced = await list(a.accessToken, `?actor=${admin.user.id}`);
      expect(forced.entries).toEqual([]);
    });

    it('filters by action, actor (user or Discord id) and time', async () => {
      const a = await loginAs(harness(), alice.user.id);
      const admin = await loginAs(harness(), carol.user.id);
      harness().clock.nowMs += 1_000;
      await harness().app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: bearer(a.accessToken),
      });
      const logouts = await list(admin.accessToken, '?action=logout');
      expect(logouts.entries.map((entry) => [entry.action, entry.userId])).toEqual([
        ['logout', a.user.id],
      ]);
      const byDiscordId = await list(admin.accessToken, `?actor=${alice.user.id}`);
      expect(byDiscordId.entries.map((entry) => entry.action)).toEqual(['logout', 'login_success']);
      const future = new Date(harness().clock.nowMs + 60_000).toISOString();
      expect(
        (await list(admin.accessToken, `?from=${encodeURIComponent(future)}`)).entries,
      ).toEqual([]);
      expect(
        (await list(admin.accessToken, `?to=${encodeURIComponent(future)}`)).entries,
      ).toHaveLength(3);
    });

    it('pages by keyset without losing or repeating rows that share a timestamp', async () => {
      const admin = await loginAs(harness(), carol.user.id);
      await db().query(
        `INSERT INTO "AuditLog" (id, action, timestamp)
         SELECT 'seed-' || lpad(n::text, 2, '0'), 'seeded', '2026-01-01T00:00:00.123456Z'::timestamptz + (n / 4) * interval '1 microsecond'
         FROM generate_series(1, 11) AS n`,
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(
          admin.accessToken,
          `?action=seeded&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.entries.map((entry) => entry.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      const expected = Array.from(
        { length: 11 },
        (_, index) => `seed-${String(index + 1).padStart(2, '0')}`,
      );
      expect(seen).toEqual(
        expected.sort((x, y) => {
          const timeOf = (id: string) => Math.floor(Number(id.slice(5)) / 4);
          return timeOf(y) - timeOf(x) || (x < y ? 1 : -1);
        }),
      );
      expect(new Set(seen).size).toBe(11);
    });

    it('refuses a cursor it did not give with 400', async () => {
      const admin = await loginAs(harness(), carol.user.id);
      const response = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/audit-log?cursor=bm9wZQ',
        headers: bearer(admin.accessToken),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'querystring.cursor', message: 'not a cursor this API gave' },
      ]);
    });
  });
}
