import { describe, expect, it } from 'vitest';
import { listTableNames } from '../schema-tables.ts';
import { testBackends, useTestDatabase } from '../testing/test-database.ts';
import { ERASED_ACTOR, eraseMember } from './erase-member.ts';
import { groupByTable } from './member-match-sql.ts';
import { optInMember, optOutMember } from './opt-out-member.ts';
import { summarizeMember } from './summarize-member.ts';
import { scanTables } from './testing/scan-tables.ts';
import { seedIds, seedMemberData } from './testing/seed-member-data.ts';
import { listUnclassifiedColumns, listUserColumns } from './user-columns.ts';

const member = '100000000000000042';
const other = '100000000000000077';
const second = '100000000000000053';
const at = new Date('2026-11-01T12:00:00Z');

const seedBothGuilds = async (db: Parameters<typeof seedMemberData>[0]) => {
  const a = await seedMemberData(db, {
    discordId: member,
    otherDiscordId: other,
    guildId: seedIds.guildA,
    at,
  });
  await seedMemberData(db, {
    discordId: second,
    otherDiscordId: other,
    guildId: seedIds.guildB,
    at,
  });
  return a;
};

describe('the user-column rule', () => {
  it('classifies every column whose name looks personal (a new table cannot be forgotten)', () => {
    expect(listUnclassifiedColumns()).toEqual([]);
  });

  it('finds the user-bearing columns of the schema by foreign key and name', () => {
    const byRole = (role: string) =>
      listUserColumns()
        .filter((column) => column.role === role)
        .map((column) => `${column.table}.${column.column}`);
    expect(byRole('marker')).toEqual(['OptOut.discordId']);
    expect(byRole('clear').sort()).toEqual(
      [
        'BanRecord.bannedBy',
        'BanRecord.unbannedBy',
        'Guild.ownerId',
        'IpBlock.blockedBy',
        'RoleChange.actorId',
      ].sort(),
    );
    expect(byRole('delete')).toEqual(
      expect.arrayContaining([
        'User.discordId',
        'Presence.userId',
        'ReactionLatency.targetUserId',
        'AuditLog.userId',
        'AuditLogArchive.userId',
      ]),
    );
  });
});

for (const backend of testBackends()) {
  describe(`erasing a member on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('seeds a row in every table that can hold a member (so the scan below covers them all)', async () => {
      await seedBothGuilds(db());
      const held = new Set((await summarizeMember(db(), member)).map((count) => count.table));
      const tables = [...groupByTable(listUserColumns()).keys()].filter((t) => t !== 'OptOut');
      expect([...held].sort()).toEqual(tables.sort());
    });

    it('opt-out leaves nothing but the suppression marker, in any table', async () => {
      const { userId, otherUserId } = await seedBothGuilds(db());
      const before = await scanTables(db(), [member, userId]);
      expect(Object.keys(before).sort()).toEqual(
        [...groupByTable(listUserColumns()).keys()].filter((table) => table !== 'OptOut').sort(),
      );

      const counts = await optOutMember(db(), member, at);

      expect(await scanTables(db(), [member, userId])).toEqual({ OptOut: 1 });
      // Rows that hold no id of theirs but hang off theirs (a key's usage) went with them.
      expect(await db().query(`SELECT * FROM "QuotaUsage"`)).toHaveLength(1);
      expect(counts.removed).toMatchObject({ Presence: 1, Message: 1, User: 1, Session: 1 });
      // Samples where they typed or were answered both go; the other member's own stays.
      expect(counts.removed.ReactionLatency).toBe(2);
      expect(counts.cleared).toEqual({ BanRecord: 1, Guild: 1, IpBlock: 1, RoleChange: 1 });
      const [ban] = await db().query<{ bannedBy: string }>(
        `SELECT "bannedBy" FROM "BanRecord" WHERE "userId" = $1 AND "guildId" = $2`,
        [otherUserId, seedIds.guildA],
      );
      expect(ban?.bannedBy).toBe(ERASED_ACTOR);
    });

    it('leaves every other member and guild as it was', async () => {
      await seedBothGuilds(db());
      const otherBefore = await summarizeMember(db(), other);
      const secondBefore = await summarizeMember(db(), second);
      await eraseMember(db(), member);
      expect(await summarizeMember(db(), second)).toEqual(secondBefore);
      const otherAfter = await summarizeMember(db(), other);
      // Gone: the two samples shared with the erased member, and the other's audit row
      // about the erased member.
      const rowsOf = (counts: typeof otherBefore, table: string) =>
        counts.filter((c) => c.table === table).reduce((n, c) => n + c.rows, 0);
      expect(rowsOf(otherAfter, 'ReactionLatency')).toBe(
        rowsOf(otherBefore, 'ReactionLatency') - 2,
      );
      expect(rowsOf(otherAfter, 'AuditLog')).toBe(rowsOf(otherBefore, 'AuditLog') - 1);
      const untouched = (counts: typeof otherBefore) =>
        counts.filter((c) => c.table !== 'ReactionLatency' && c.table !== 'AuditLog');
      expect(untouched(otherAfter)).toEqual(untouched(otherBefore));
    });

    it('delete erases without a marker; opt-in removes the marker', async () => {
      await seedBothGuilds(db());
      await eraseMember(db(), member);
      expect(await scanTables(db(), [member])).toEqual({});
      await optOutMember(db(), member, at);
      expect(await optInMember(db(), member)).toBe(1);
      expect(await scanTables(db(), [member])).toEqual({});
    });

    it('summarizes what is held per table and guild', async () => {
      await seedBothGuilds(db());
      const held = await summarizeMember(db(), member);
      expect(held).toContainEqual({ table: 'Presence', guildId: seedIds.guildA, rows: 1 });
      expect(held).toContainEqual({ table: 'ReactionLatency', guildId: seedIds.guildA, rows: 2 });
      expect(held).toContainEqual({ table: 'Session', guildId: null, rows: 1 });
      expect(held.some((c) => c.guildId === seedIds.guildB)).toBe(false);
      expect(listTableNames()).toContain('OptOut');
    });
  });
}
