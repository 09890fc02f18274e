import { describe, expect, it } from 'vitest';
import { emptyIngestRows, type IngestRows, type PresenceRow } from '../../ingest/ingest-rows.ts';
import type { Database } from '../database.ts';
import { testBackends, useTestDatabase } from '../testing/test-database.ts';
import { STATEMENT_ROWS } from './statement-chunks.ts';
import { writeIngestRows } from './write-ingest-rows.ts';

const G = '900000000000000001';
const ALICE = '100000000000000001';
const BOB = '100000000000000002';
const ADMIN_ROLE = '600000000000000001';
const MOD_ROLE = '600000000000000002';
const t = (second: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, second));

const write = (db: Database, rows: Partial<IngestRows>) =>
  db.transaction((tx) => writeIngestRows(tx, { ...emptyIngestRows(), ...rows }));

const count = async (db: Database, table: string, where = 'true') =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`))[0]?.n;

const presence = (
  second: number,
  status: PresenceRow['status'],
  platforms: PresenceRow['clientStatus'],
): PresenceRow => ({
  guildId: G,
  userDiscordId: ALICE,
  status,
  clientStatus: platforms,
  activities: [],
  timestamp: t(second),
});

const guildSnapshot: Partial<IngestRows> = {
  guilds: [{ id: G, name: 'Guild', icon: null, ownerId: BOB, memberCount: 2 }],
  roles: [
    { id: ADMIN_ROLE, guildId: G, name: 'Admin', permissions: '8', position: 2, managed: false },
    { id: MOD_ROLE, guildId: G, name: 'Mod', permissions: '4', position: 1, managed: false },
  ],
  users: [
    {
      discordId: ALICE,
      username: 'alice',
      discriminator: '0',
      globalName: 'Alice',
      avatar: null,
      isBot: false,
    },
    {
      discordId: BOB,
      username: 'bob',
      discriminator: '0',
      globalName: null,
      avatar: null,
      isBot: false,
    },
  ],
  members: [
    { guildId: G, userDiscordId: ALICE, nick: null, joinedAt: t(0) },
    { guildId: G, userDiscordId: BOB, nick: 'boss', joinedAt: t(0) },
  ],
  memberRoles: [
    { guildId: G, userDiscordId: ALICE, roleIds: [MOD_ROLE], timestamp: t(0), baseline: true },
    { guildId: G, userDiscordId: BOB, roleIds: [ADMIN_ROLE], timestamp: t(0), baseline: true },
  ],
  presences: [presence(0, 'online', { desktop: 'online' })],
};

for (const backend of testBackends()) {
  describe(`writeIngestRows on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('stores a guild snapshot: guild, roles, users, memberships with baseline roles, presences', async () => {
      await write(db(), guildSnapshot);
      expect(await count(db(), 'Guild')).toBe(1);
      expect(await count(db(), 'GuildRole')).toBe(2);
      expect(await count(db(), 'User', `"guildId" = '${G}'`)).toBe(2);
      const members = await db().query<{
        discordId: string;
        nick: string | null;
        roleIds: string[];
        status: string;
      }>(
        `SELECT u."discordId", m.nick, m."roleIds", m.status FROM "GuildMember" m JOIN "User" u ON u.id = m."userId" ORDER BY 1`,
      );
      expect(members).toEqual([
        { discordId: ALICE, nick: null, roleIds: [MOD_ROLE], status: 'online' },
        { discordId: BOB, nick: 'boss', roleIds: [ADMIN_ROLE], status: 'offline' },
      ]);
      expect(await count(db(), 'Presence')).toBe(1);
      expect(await count(db(), 'RoleChange')).toBe(0);
    });

    it('writes a snapshot too big for one statement, with a member split across two', async () => {
      const members = STATEMENT_ROWS + 5;
      const ids = Array.from({ length: members }, (_, n) =>
        String(200_000_000_000_000_000n + BigInt(n)),
      );
      const last = ids.at(-1) ?? '';
      await write(db(), {
        guilds: guildSnapshot.guilds ?? [],
        roles: guildSnapshot.roles ?? [],
        users: ids.map((discordId) => ({
          discordId,
          username: `u${discordId}`,
          discriminator: '0',
          globalName: null,
          avatar: null,
          isBot: false,
        })),
        members: ids.map((userDiscordId) => ({
          guildId: G,
          userDiscordId,
          nick: null,
          joinedAt: t(0),
        })),
        memberRoles: ids.map((userDiscordId) => ({
          guildId: G,
          userDiscordId,
          roleIds: [MOD_ROLE],
          timestamp: t(0),
          baseline: true,
        })),
        // The last member's first snapshot is in the first statement, their next in the second.
        presences: [
          { ...presence(1, 'online', { web: 'online' }), userDiscordId: last },
          ...ids.map((userDiscordId) => ({
            ...presence(2, 'idle', { mobile: 'idle' }),
            userDiscordId,
          })),
        ],
      });
      expect(await count(db(), 'User')).toBe(members);
      expect(await count(db(), 'GuildMember', `"roleIds" = ARRAY['${MOD_ROLE}']`)).toBe(members);
      expect(await count(db(), 'GuildMember', `status = 'idle'`)).toBe(members);
      expect(await count(db(), 'Presence')).toBe(members + 1);
      expect(await count(db(), 'RoleChange')).toBe(0);
    });

    it('makes a placeholder user and membership for a presence of someone never seen', async () => {
      await write(db(), { presences: [presence(1, 'dnd', { mobile: 'dnd' })] });
      expect(
        await db().query(
          `SELECT "discordId", username, discriminator, "guildId", "isBot" FROM "User"`,
        ),
      ).toEqual([{ discordId: ALICE, username: '', discriminator: '0', guildId: G, isBot: false }]);
      expect(await count(db(), 'GuildMember', `status = 'dnd'`)).toBe(1);
      expect(await count(db(), 'Presence')).toBe(1);
    });

    it('records one RoleChange per role added or removed, with the actor from the audit log', async () => {
      await write(db(), guildSnapshot);
      await write(db(), {
        memberRoles: [
          {
            guildId: G,
            userDiscordId: ALICE,
            roleIds: [ADMIN_ROLE],
            timestamp: t(10),
            baseline: false,
          },
          {
            guildId: G,
            userDiscordId: ALICE,
            roleIds: [ADMIN_ROLE],
            timestamp: t(11),
            baseline: false,
          },
        ],
        auditActors: [
          {
            guildId: G,
            kind: 'role',
            targetDiscordId: ALICE,
            actorDiscordId: BOB,
            roleIds: [ADMIN_ROLE, MOD_ROLE],
            reason: null,
            timestamp: t(10),
          },
        ],
      });
      const changes = await db().query<{ roleId: string; action: string; actorId: string | null }>(
        `SELECT "roleId", action, "actorId" FROM "RoleChange" ORDER BY action`,
      );
      expect(changes).toEqual([
        { roleId: ADMIN_ROLE, action: 'added', actorId: BOB },
        { roleId: MOD_ROLE, action: 'removed', actorId: BOB },
      ]);
    });

    it('stores identical consecutive presence snapshots once, within and across batches', async () => {
      await write(db(), guildSnapshot);
      await write(db(), {
        presences: [
          presence(1, 'online', { desktop: 'online' }),
          presence(2, 'online', { desktop: 'online', mobile: 'online' }),
          presence(3, 'online', { desktop: 'online', mobile: 'online' }),
        ],
      });
      await write(db(), {
        presences: [presence(4, 'online', { mobile: 'online', desktop: 'online' })],
      });
      await write(db(), { presences: [presence(5, 'idle', { mobile: 'idle' })] });
      const stored = await db().query<{ status: string; clientStatus: object }>(
        `SELECT status, "clientStatus" FROM "Presence" ORDER BY timestamp`,
      );
      expect(stored).toEqual([
        { status: 'online', clientStatus: { desktop: 'online' } },
        { status: 'online', clientStatus: { desktop: 'online', mobile: 'online' } },
        { status: 'idle', clientStatus: { mobile: 'idle' } },
      ]);
    });

    it('stores a message once, then its edit and deletion', async () => {
      const message = {
        id: '700000000000000001',
        guildId: G,
        channelId: '800000000000000001',
        userDiscordId: ALICE,
        content: null,
        length: 5,
        attachments: [],
        timestamp: t(1),
      };
      await write(db(), { messages: [message] });
      await write(db(), {
        messages: [message],
        messageEdits: [{ id: message.id, guildId: G, editedAt: t(2), content: null, length: 9 }],
      });
      await write(db(), { messageDeletes: [{ id: message.id, guildId: G, deletedAt: t(3) }] });
      const rows = await db().query<{ length: number; editedAt: Date; deletedAt: Date }>(
        `SELECT length, "editedAt", "deletedAt" FROM "Message"`,
      );
      expect(rows).toEqual([{ length: 9, editedAt: t(2), deletedAt: t(3) }]);
      // The author and guild were only mentioned: placeholders keep the keys valid.
      expect(await count(db(), 'User', `"discordId" = '${ALICE}'`)).toBe(1);
    });

    it('opens one ban per active ban, names who banned, and closes it on unban', async () => {
      await write(db(), guildSnapshot);
      await write(db(), {
        bans: [
          { guildId: G, userDiscordId: ALICE, action: 'ban', timestamp: t(1) },
          { guildId: G, userDiscordId: ALICE, action: 'ban', timestamp: t(1) },
        ],
        auditActors: [
          {
            guildId: G,
            kind: 'ban',
            targetDiscordId: ALICE,
            actorDiscordId: BOB,
            roleIds: [],
            reason: 'spam',
            timestamp: t(1),
          },
        ],
      });
      expect(await db().query(`SELECT "bannedBy", reason, "isActive" FROM "BanRecord"`)).toEqual([
        { bannedBy: BOB, reason: 'spam', isActive: true },
      ]);
      await write(db(), {
        bans: [{ guildId: G, userDiscordId: ALICE, action: 'unban', timestamp: t(9) }],
      });
      expect(await db().query(`SELECT "isActive", "unbannedAt" FROM "BanRecord"`)).toEqual([
        { isActive: false, unbannedAt: t(9) },
      ]);
    });

    it('turns voice states into sessions: a mute changes nothing, a move splits, a leave closes', async () => {
      const voice = (second: number, channelId: string | null) => ({
        guildId: G,
        userDiscordId: ALICE,
        channelId,
        timestamp: t(second),
      });
      const bob = (second: number, channelId: string | null) => ({
        ...voice(second, channelId),
        userDiscordId: BOB,
      });
      await write(db(), guildSnapshot);
      await write(db(), {
        voiceStates: [
          voice(0, '800000000000000001'),
          bob(1, '800000000000000002'),
          voice(5, '800000000000000001'),
          bob(6, '800000000000000001'),
        ],
      });
      await write(db(), {
        voiceStates: [voice(10, '800000000000000002'), bob(15, null), voice(20, null)],
      });
      expect(
        await db().query(
          `SELECT u."discordId", "channelId", "joinedAt", "leftAt" FROM "VoiceSession" v
           JOIN "User" u ON u.id = v."userId" ORDER BY "joinedAt"`,
        ),
      ).toEqual([
        { discordId: ALICE, channelId: '800000000000000001', joinedAt: t(0), leftAt: t(10) },
        { discordId: BOB, channelId: '800000000000000002', joinedAt: t(1), leftAt: t(6) },
        { discordId: BOB, channelId: '800000000000000001', joinedAt: t(6), leftAt: t(15) },
        { discordId: ALICE, channelId: '800000000000000002', joinedAt: t(10), leftAt: t(20) },
      ]);
    });

    it('marks a guild left, and a later snapshot brings it back', async () => {
      await write(db(), guildSnapshot);
      await write(db(), { guildLeaves: [{ guildId: G, at: t(30) }] });
      expect(await db().query(`SELECT "leftAt" FROM "Guild"`)).toEqual([{ leftAt: t(30) }]);
      await write(db(), guildSnapshot);
      expect(await db().query(`SELECT "leftAt" FROM "Guild"`)).toEqual([{ leftAt: null }]);
    });

    it('looks keys up by index for the rest of its transaction only, not on the pooled connection', async () => {
      const setting = `SELECT current_setting('enable_hashjoin') AS hash, current_setting('jit') AS jit`;
      const inside = await db().transaction(async (tx) => {
        await writeIngestRows(tx, { ...emptyIngestRows(), ...guildSnapshot });
        return tx.query(setting);
      });
      expect(inside).toEqual([{ hash: 'off', jit: 'off' }]);
      expect(await db().query(setting)).toEqual([{ hash: 'on', jit: expect.any(String) }]);
    });
  });
}
