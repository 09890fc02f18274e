import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import {
  alice,
  bearer,
  bob,
  guildIds,
  insertKnownGuilds,
  loginAs,
  useAccessHarness,
} from '../testing/access-harness.ts';

for (const backend of testBackends()) {
  describe(`guild settings on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db);
    const url = `/api/v1/guilds/${guildIds.owned}/settings`;

    it('shows the defaults, applies a change, audits it, and keeps what was left out', async () => {
      await insertKnownGuilds(db());
      const { accessToken } = await loginAs(harness(), alice.user.id);
      const initial = await harness().app.inject({
        method: 'GET',
        url,
        headers: bearer(accessToken),
      });
      expect(initial.statusCode).toBe(200);
      expect(initial.json()).toMatchObject({
        guildId: guildIds.owned,
        contentCapture: false,
        retentionDays: { overrides: { presence: null }, effective: { presence: 90, messages: 30 } },
        updatedAt: null,
      });
      const patch = (payload: object) =>
        harness().app.inject({ method: 'PATCH', url, headers: bearer(accessToken), payload });
      const changed = await patch({ contentCapture: true, retentionDays: { presence: 7 } });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().retentionDays.effective).toMatchObject({ presence: 7, messages: 30 });
      const again = await patch({ retentionDays: { messages: 60 } });
      expect(again.json()).toMatchObject({
        contentCapture: true,
        retentionDays: { overrides: { presence: 7, messages: 60 } },
      });
      const reset = await patch({ retentionDays: { presence: null } });
      expect(reset.json().retentionDays.effective.presence).toBe(90);
      const audits = await db().query<{ action: string; guildId: string }>(
        `SELECT action, "guildId" FROM "AuditLog" WHERE action = 'guild.settings.update'`,
      );
      expect(audits).toHaveLength(3);
    });

    it('refuses bad values with the field named, and hides guilds the caller does not manage', async () => {
      await insertKnownGuilds(db());
      const { accessToken } = await loginAs(harness(), alice.user.id);
      const bad = await harness().app.inject({
        method: 'PATCH',
        url,
        headers: bearer(accessToken),
        payload: { retentionDays: { presence: 0 } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'body.retentionDays.presence' }],
      });
      const unknown = await harness().app.inject({
        method: 'PATCH',
        url,
        headers: bearer(accessToken),
        payload: { retentionDays: { forever: 1 } },
      });
      expect(unknown.statusCode).toBe(400);
      const empty = await harness().app.inject({
        method: 'PATCH',
        url,
        headers: bearer(accessToken),
        payload: {},
      });
      expect(empty.statusCode).toBe(400);
      const member = await loginAs(harness(), bob.user.id);
      const hidden = await harness().app.inject({
        method: 'GET',
        url: `/api/v1/guilds/${guildIds.member}/settings`,
        headers: bearer(member.accessToken),
      });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.code).toBe('GUILD_NOT_FOUND');
    });
  });
}
