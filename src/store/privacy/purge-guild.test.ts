import { describe, expect, it } from 'vitest';
import { runPrivacyMaintenance } from '../../privacy/run-privacy-maintenance.ts';
import type { Database } from '../database.ts';
import { testBackends, useTestDatabase } from '../testing/test-database.ts';
import { purgeGuild } from './purge-guild.ts';
import { summarizeMember } from './summarize-member.ts';
import { scanTables } from './testing/scan-tables.ts';
import { seedIds, seedMemberData } from './testing/seed-member-data.ts';
import { listGuildScopedTables } from './user-columns.ts';

const at = new Date('2026-11-20T12:00:00Z');
const { guildA, guildB } = seedIds;
const staff = '100000000000000011';
const shared = '100000000000000022';
const onlyInA = '100000000000000033';
const inB = '100000000000000044';

/** Staff (with an account) and a member only in A; a member only in B; one shared by both. */
const seed = async (db: Database) => {
  await seedMemberData(db, { discordId: staff, otherDiscordId: shared, guildId: guildA, at });
  await seedMemberData(db, {
    discordId: onlyInA,
    otherDiscordId: shared,
    guildId: guildA,
    at,
    account: false,
  });
  await seedMemberData(db, { discordId: inB, otherDiscordId: shared, guildId: guildB, at });
  for (const guildId of [guildA, guildB]) {
    await db.query(`INSERT INTO "GuildSettings" ("guildId", "contentCapture") VALUES ($1, true)`, [
      guildId,
    ]);
    await db.query(`INSERT INTO "OptOut" ("discordId", "guildId") VALUES ($1, $2)`, [
      '100000000000000099',
      guildId,
    ]);
  }
  await db.query(
    `INSERT INTO "GatewaySession" ("shardId", "shardCount", "sessionId", "resumeUrl", sequence)
     VALUES (0, 1, 's', 'wss://x', 5)`,
  );
};

/** Rows per guild-scoped table for one guild, plus whole-row hits of its id anywhere. */
const footprint = async (db: Database, guildId: string) => {
  const counts: Record<string, number> = {};
  for (const table of listGuildScopedTables()) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "guildId" = $1`,
      [guildId],
    );
    if (row && row.n > 0) counts[table] = row.n;
  }
  return { counts, scan: await scanTables(db, [guildId]) };
};

for (const backend of testBackends()) {
  describe(`guild purge on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('removes everything of that guild and nothing of another', async () => {
      await seed(db());
      const before = await footprint(db(), guildB);
      const inBBefore = await summarizeMember(db(), inB);
      expect(Object.keys(before.counts).length).toBeGreaterThan(15);

      const removed = await purgeGuild(db(), guildA);

      // Only the opt-out marker (kept in case the bot returns) still names guild A.
      expect(await footprint(db(), guildA)).toEqual({
        counts: { OptOut: 1 },
        scan: { OptOut: 1 },
      });
      expect(removed).toMatchObject({ Guild: 1, GuildSettings: 1, ManagedGuild: 2, User: 1 });
      expect(await footprint(db(), guildB)).toEqual(before);
      expect(await summarizeMember(db(), inB)).toEqual(inBBefore);
      // The member known only from A is gone; staff keep their account; shared stays for B.
      const users = await db().query<{ discordId: string }>(
        `SELECT "discordId" FROM "User" ORDER BY "discordId"`,
      );
      expect(users.map((u) => u.discordId)).toEqual([staff, shared, inB].sort());
      expect(await scanTables(db(), [onlyInA])).toEqual({});
      expect(await db().query(`SELECT sequence FROM "GatewaySession"`)).toEqual([{ sequence: 5 }]);
    });

    it('purges a guild left longer than the grace period ago, only that one, and audits it', async () => {
      await seed(db());
      const now = new Date('2026-11-25T12:00:00Z');
      await db().query(`UPDATE "Guild" SET "leftAt" = $1 WHERE id = $2`, [
        new Date(now.getTime() - 7 * 86_400_000).toISOString(),
        guildA,
      ]);
      await db().query(`UPDATE "Guild" SET "leftAt" = $1 WHERE id = $2`, [
        new Date(now.getTime() - 6 * 86_400_000).toISOString(),
        guildB,
      ]);
      const report = await runPrivacyMaintenance(db(), { now });
      expect(report.purgedGuilds.map((p) => p.guildId)).toEqual([guildA]);
      expect(await db().query(`SELECT id FROM "Guild"`)).toEqual([{ id: guildB }]);
      const audits = await db().query<{ action: string; guildId: string }>(
        `SELECT action, "guildId" FROM "AuditLog" WHERE action = 'guild.purge'`,
      );
      expect(audits).toEqual([{ action: 'guild.purge', guildId: guildA }]);
    });

    it('does not purge a guild the bot came back to', async () => {
      await seed(db());
      const now = new Date('2026-11-25T12:00:00Z');
      await db().query(`UPDATE "Guild" SET "leftAt" = $1 WHERE id = $2`, [
        new Date(now.getTime() - 30 * 86_400_000).toISOString(),
        guildA,
      ]);
      // What the ingest does on GUILD_CREATE (store/ingest-writes/guild-writes.ts).
      await db().query(`UPDATE "Guild" SET "leftAt" = NULL WHERE id = $1`, [guildA]);
      const report = await runPrivacyMaintenance(db(), { now });
      expect(report.purgedGuilds).toEqual([]);
    });

    it('re-checks inside the purge that the guild is still left (the bot may be back by then)', async () => {
      await seed(db());
      const cutoff = new Date('2026-11-18T12:00:00Z');
      const before = await footprint(db(), guildA);
      // The job listed guild A as due; then GUILD_CREATE cleared leftAt before its purge ran.
      expect(await purgeGuild(db(), guildA, cutoff)).toEqual({});
      await db().query(`UPDATE "Guild" SET "leftAt" = $1 WHERE id = $2`, [
        new Date('2026-11-19T12:00:00Z').toISOString(),
        guildA,
      ]);
      // Left, but after the cutoff: still within its grace period.
      expect(await purgeGuild(db(), guildA, cutoff)).toEqual({});
      expect(await footprint(db(), guildA)).toEqual(before);
      await db().query(`UPDATE "Guild" SET "leftAt" = $1 WHERE id = $2`, [
        new Date('2026-11-10T12:00:00Z').toISOString(),
        guildA,
      ]);
      expect(Object.keys(await purgeGuild(db(), guildA, cutoff))).toContain('Guild');
    });
  });
}
