import { describe, expect, it } from 'vitest';
import { groupByTable } from '../../store/privacy/member-match-sql.ts';
import { scanTables } from '../../store/privacy/testing/scan-tables.ts';
import { seedMemberData } from '../../store/privacy/testing/seed-member-data.ts';
import { listUserColumns } from '../../store/privacy/user-columns.ts';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  alice,
  bearer,
  bob,
  carol,
  guildIds,
  insertKnownGuilds,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';

for (const backend of testBackends()) {
  describe(`privacy self-service on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db);
    const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
      harness().app.inject({
        method,
        url,
        headers: bearer(token),
        ...(payload ? { payload } : {}),
      });

    /** Bob logs in; the bot holds data about him in two guilds, with carol as the other member. */
    const setUp = async () => {
      await insertKnownGuilds(db());
      const tokens = await loginAs(harness(), bob.user.id);
      const at = new Date(harness().clock.nowMs - 3_600_000);
      const seeded = await seedMemberData(db(), {
        discordId: bob.user.id,
        otherDiscordId: carol.user.id,
        guildId: guildIds.owned,
        at,
      });
      await seedMemberData(db(), {
        discordId: bob.user.id,
        otherDiscordId: carol.user.id,
        guildId: guildIds.administrator,
        at,
        account: false,
      });
      return { tokens, userId: seeded.userId };
    };

    it('shows what is held, per table and guild, with the retention defaults', async () => {
      const { tokens } = await setUp();
      const response = await call('GET', '/api/v1/privacy/me', tokens.accessToken);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.discordId).toBe(bob.user.id);
      expect(body.optOut).toEqual({ everywhere: false, guildIds: [] });
      expect(body.held).toContainEqual({ table: 'Presence', guildId: guildIds.owned, rows: 1 });
      expect(body.held).toContainEqual({
        table: 'Message',
        guildId: guildIds.administrator,
        rows: 1,
      });
      // One from the seed, one from the login.
      expect(body.held).toContainEqual({ table: 'Session', guildId: null, rows: 2 });
      expect(body.retentionDays).toMatchObject({ presence: 90, messages: 30, joins: 365 });
    });

    it('exports every kind of data held, for every guild, and no secret', async () => {
      const { tokens, userId } = await setUp();
      // An admin acted about the member: the member sees what was done, not who or from where.
      await loginAs(harness(), alice.user.id);
      await db().query(
        `INSERT INTO "AuditLog" ("userId", action, resource, "resourceId", "ipAddress", "userAgent")
         SELECT id, 'admin.role_change', 'user', $2, '203.0.113.9', 'AdminBrowser/1.0'
         FROM "User" WHERE "discordId" = $1`,
        [alice.user.id, userId],
      );
      const held: { table: string; guildId: string | null; rows: number }[] = (
        await call('GET', '/api/v1/privacy/me', tokens.accessToken)
      ).json().held;
      const response = await call('GET', '/api/v1/privacy/export', tokens.accessToken);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain(`spywatcher-${bob.user.id}.json`);
      const document = response.json();
      expect(document.discordId).toBe(bob.user.id);
      for (const { table, guildId, rows } of held) {
        const exported = (document.tables[table] as { guildId?: string | null }[]).filter(
          (row) => (row.guildId ?? null) === guildId || !('guildId' in row) || guildId === null,
        );
        expect(exported.length, `${table} ${guildId}`).toBeGreaterThanOrEqual(rows);
      }
      // Every table that can hold a member is in the document, empty or not.
      expect(Object.keys(document.tables).sort()).toEqual(
        [...groupByTable(listUserColumns()).keys()].sort(),
      );
      expect(response.body).not.toMatch(/refresh-hash|key-hash|sid-|"token"|"key"/);
      expect(document.tables.AuditLog).toContainEqual(
        expect.objectContaining({
          action: 'admin.role_change',
          userId: null,
          ipAddress: null,
          userAgent: null,
        }),
      );
      expect(response.body).not.toMatch(/203\.0\.113\.9|AdminBrowser/);
      const [audit] = await db().query<{ action: string }>(
        `SELECT action FROM "AuditLog" WHERE action LIKE 'privacy.%'`,
      );
      expect(audit?.action).toBe('privacy.export');
    });

    it('opt-out stops collection and leaves only the marker and the audit entry', async () => {
      const { tokens, userId } = await setUp();
      const alices = await loginAs(harness(), alice.user.id);
      const timeline = () =>
        call(
          'GET',
          `/api/v1/guilds/${guildIds.owned}/members/${bob.user.id}/timeline`,
          alices.accessToken,
        );
      expect((await timeline()).json().items.length).toBeGreaterThan(0);

      const response = await call('POST', '/api/v1/privacy/opt-out', tokens.accessToken);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ optedOut: true, removed: { Presence: 2, User: 1 } });

      expect(await scanTables(db(), [bob.user.id, userId])).toEqual({ OptOut: 1, AuditLog: 1 });
      const [entry] = await db().query<Record<string, unknown>>(
        `SELECT action, "userId", "resourceId", "ipAddress" FROM "AuditLog" WHERE "resourceId" = $1`,
        [bob.user.id],
      );
      expect(entry).toEqual({
        action: 'privacy.opt_out',
        userId: null,
        resourceId: bob.user.id,
        ipAddress: null,
      });
      expect((await timeline()).json().items).toEqual([]);
      const again = await call('GET', '/api/v1/privacy/me', tokens.accessToken);
      expect(again.json().error.code).toBe('SESSION_REVOKED');

      const back = await loginAs(harness(), bob.user.id);
      const me = await call('GET', '/api/v1/privacy/me', back.accessToken);
      expect(me.json().optOut).toEqual({ everywhere: true, guildIds: [] });
      const optIn = await call('POST', '/api/v1/privacy/opt-in', back.accessToken);
      expect(optIn.json()).toEqual({ optedOut: false, removedMarkers: 1 });
    });

    it('delete needs confirmation, then erases all and keeps only that it happened', async () => {
      const { tokens, userId } = await setUp();
      const refused = await call('POST', '/api/v1/privacy/delete', tokens.accessToken, {});
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
      const response = await call('POST', '/api/v1/privacy/delete', tokens.accessToken, {
        confirm: true,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ optedOut: false, removed: { Message: 2 } });
      expect(await scanTables(db(), [bob.user.id, userId])).toEqual({ AuditLog: 1 });
      const actions = await db().query<{ action: string }>(
        `SELECT action FROM "AuditLog" WHERE "resourceId" = $1`,
        [bob.user.id],
      );
      expect(actions).toEqual([{ action: 'privacy.erase' }]);
    });

    it('answers 401 without a token', async () => {
      const response = await harness().app.inject({ method: 'GET', url: '/api/v1/privacy/me' });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    });
  });
}
