import { describe, expect, it } from 'vitest';
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
  describe(`guild access on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    const harness = useAccessHarness(db, { adminDiscordIds: [carol.user.id] });
    const listGuilds = async (accessToken: string) => {
      const response = await harness().app.inject({
        method: 'GET',
        url: '/api/v1/guilds',
        headers: bearer(accessToken),
      });
      expect(response.statusCode).toBe(200);
      return response
        .json()
        .guilds.map((guild: { id: string }) => guild.id)
        .sort();
    };

    it('lists exactly the guilds the bot knows that the caller owns or administers', async () => {
      await insertKnownGuilds(db());
      const tokens = await loginAs(harness(), alice.user.id);
      expect(await listGuilds(tokens.accessToken)).toEqual(
        [guildIds.owned, guildIds.administrator, guildIds.manageServer].sort(),
      );
      const one = await harness().app.inject({
        method: 'GET',
        url: `/api/v1/guilds/${guildIds.manageServer}`,
        headers: bearer(tokens.accessToken),
      });
      expect(one.json()).toMatchObject({ id: guildIds.manageServer, name: 'manageServer' });
    });

    it('shows nothing to a plain member and everything (still in) to an instance admin', async () => {
      await insertKnownGuilds(db());
      await db().query(`UPDATE "Guild" SET "leftAt" = now() WHERE id = $1`, [guildIds.foreign]);
      const member = await loginAs(harness(), bob.user.id);
      expect(await listGuilds(member.accessToken)).toEqual([]);
      const admin = await loginAs(harness(), carol.user.id);
      expect(await listGuilds(admin.accessToken)).toEqual(
        [guildIds.owned, guildIds.administrator, guildIds.manageServer, guildIds.member].sort(),
      );
    });

    it('picks up a guild the bot joins after the login', async () => {
      const tokens = await loginAs(harness(), alice.user.id);
      expect(await listGuilds(tokens.accessToken)).toEqual([]);
      await db().query(`INSERT INTO "Guild" (id, name) VALUES ($1, 'late')`, [guildIds.withoutBot]);
      expect(await listGuilds(tokens.accessToken)).toEqual([guildIds.withoutBot]);
    });

    it('forgets guilds the user no longer manages at the next login', async () => {
      await insertKnownGuilds(db());
      const first = await loginAs(harness(), alice.user.id);
      expect(await listGuilds(first.accessToken)).toHaveLength(3);
      harness().sim.addUser({ ...alice, guilds: [] });
      const second = await loginAs(harness(), alice.user.id);
      harness().sim.addUser(alice);
      expect(await listGuilds(second.accessToken)).toEqual([]);
    });
    it('follows the bot’s member and role data between logins', async () => {
      await insertKnownGuilds(db());
      const tokens = await loginAs(harness(), bob.user.id);
      expect(await listGuilds(tokens.accessToken)).toEqual([]);
      const [row] = await db().query<{ id: string }>(
        `SELECT id FROM "User" WHERE "discordId" = $1`,
        [bob.user.id],
      );
      const userId = row?.id;
      await db().query(
        `INSERT INTO "GuildRole" (id, "guildId", name, permissions) VALUES
           ('900', $1, 'Mods', '32'), ('901', $1, 'Chat', '1024'), ($1, $1, '@everyone', '1024')`,
        [guildIds.member],
      );
      await db().query(
        `INSERT INTO "GuildMember" ("guildId", "userId", "roleIds") VALUES ($1, $2, '{901}')`,
        [guildIds.member, userId],
      );
      const one = `/api/v1/guilds/${guildIds.member}`;
      const read = async () =>
        (await harness().app.inject({ url: one, headers: bearer(tokens.accessToken) })).statusCode;
      expect(await read()).toBe(404);
      // Given Manage Server on Discord: readable at once, without a new login.
      await db().query(`UPDATE "GuildMember" SET "roleIds" = '{901,900}' WHERE "userId" = $1`, [
        userId,
      ]);
      expect(await listGuilds(tokens.accessToken)).toEqual([guildIds.member]);
      expect(await read()).toBe(200);
      // The role taken away, or the member gone: not readable any more.
      await db().query(`UPDATE "GuildMember" SET "leftAt" = now() WHERE "userId" = $1`, [userId]);
      expect(await read()).toBe(404);
      await db().query(`UPDATE "GuildMember" SET "leftAt" = NULL, "roleIds" = '{901}'`);
      expect(await read()).toBe(404);
      // Ownership moved to them: readable.
      await db().query(`UPDATE "Guild" SET "ownerId" = $1 WHERE id = $2`, [
        bob.user.id,
        guildIds.member,
      ]);
      expect(await listGuilds(tokens.accessToken)).toEqual([guildIds.member]);
      expect(await read()).toBe(200);
    });
  });
}
