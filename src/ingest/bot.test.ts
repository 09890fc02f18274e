import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordSimulator, type DiscordSimulator } from '../simulator/discord-simulator.ts';
import {
  toBanAdd,
  toBanAuditEntry,
  toMemberAdd,
  toMemberRemove,
  toMemberUpdate,
  toRoleAuditEntry,
  toVoiceState,
} from '../simulator/scenario/member-payloads.ts';
import {
  toMessageCreate,
  toMessageDelete,
  toMessageUpdate,
  toReactionAdd,
  toTypingStart,
} from '../simulator/scenario/message-payloads.ts';
import { toPresenceUpdate } from '../simulator/scenario/presence-payloads.ts';
import { toMember } from '../simulator/scenario/user-factory.ts';
import { toShardId, toSnowflake } from '../simulator/snowflake.ts';
import type { Database } from '../store/database.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { simUser, smallGuild } from './testing/sim-guild.ts';
import { startTestBot, type TestBot } from './testing/start-test-bot.ts';
import { waitUntil } from './testing/wait-until.ts';

const count = async (db: Database, table: string, where = 'true') =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`))[0]
    ?.n ?? 0;

for (const backend of testBackends()) {
  describe(`the bot against the simulator, on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    let sim: DiscordSimulator | undefined;
    let running: TestBot | undefined;
    afterEach(async () => {
      await running?.bot.stop();
      await sim?.close();
      running = undefined;
      sim = undefined;
    });

    it('stores every captured dispatch type with its guild', async () => {
      const one = smallGuild(1);
      const two = smallGuild(2);
      sim = await createDiscordSimulator({ guilds: [one.guild, two.guild] });
      running = await startTestBot(sim, db());
      await waitUntil(
        'both guilds',
        async () => (await count(db(), 'Guild', `name LIKE 'Guild %'`)) === 2,
      );
      await waitUntil('members', async () => (await count(db(), 'GuildMember')) >= 6);

      const [alice, bob] = one.members;
      if (!alice || !bob) throw new Error('no members');
      const now = Date.now();
      const messageId = toSnowflake(now, 1);
      const newcomer = toMember(simUser(9_999, now - 2 * 86_400_000), now);
      const events: [string, unknown][] = [
        [
          'PRESENCE_UPDATE',
          toPresenceUpdate({
            guildId: one.guildId,
            userId: alice.user.id,
            status: 'online',
            platforms: ['desktop', 'mobile'],
          }),
        ],
        [
          'MESSAGE_CREATE',
          toMessageCreate({
            id: messageId,
            guildId: one.guildId,
            channelId: one.textChannel,
            author: alice,
            content: 'hello there',
            atMs: now,
          }),
        ],
        [
          'TYPING_START',
          toTypingStart({
            guildId: one.guildId,
            channelId: one.textChannel,
            member: bob,
            atMs: now,
          }),
        ],
        [
          'MESSAGE_UPDATE',
          toMessageUpdate({
            id: messageId,
            guildId: one.guildId,
            channelId: one.textChannel,
            author: alice,
            content: 'hello there!',
            atMs: now,
            editedAtMs: now + 1_000,
          }),
        ],
        [
          'MESSAGE_REACTION_ADD',
          toReactionAdd({
            guildId: one.guildId,
            channelId: one.textChannel,
            messageId,
            messageAuthorId: alice.user.id,
            member: bob,
            emoji: '👍',
          }),
        ],
        [
          'MESSAGE_DELETE',
          toMessageDelete({ id: messageId, guildId: one.guildId, channelId: one.textChannel }),
        ],
        ['GUILD_MEMBER_ADD', toMemberAdd(one.guildId, newcomer)],
        ['GUILD_MEMBER_UPDATE', toMemberUpdate(one.guildId, { ...bob, roles: [one.adminRole.id] })],
        [
          'GUILD_AUDIT_LOG_ENTRY_CREATE',
          toRoleAuditEntry({
            id: toSnowflake(now, 2),
            guildId: one.guildId,
            actorId: alice.user.id,
            targetId: bob.user.id,
            added: [one.adminRole],
          }),
        ],
        ['GUILD_BAN_ADD', toBanAdd(one.guildId, newcomer.user)],
        [
          'GUILD_AUDIT_LOG_ENTRY_CREATE',
          toBanAuditEntry({
            id: toSnowflake(now, 3),
            guildId: one.guildId,
            actorId: alice.user.id,
            targetId: newcomer.user.id,
            reason: 'raid',
          }),
        ],
        ['GUILD_BAN_REMOVE', { guild_id: one.guildId, user: newcomer.user }],
        ['GUILD_MEMBER_REMOVE', toMemberRemove(one.guildId, newcomer.user)],
        [
          'MESSAGE_REACTION_REMOVE',
          {
            user_id: bob.user.id,
            channel_id: one.textChannel,
            message_id: messageId,
            guild_id: one.guildId,
            emoji: { id: null, name: '👍' },
            burst: false,
            type: 0,
          },
        ],
        [
          'GUILD_UPDATE',
          {
            id: one.guildId,
            name: 'Guild 1 renamed',
            icon: null,
            owner_id: one.guild.ownerId,
            roles: one.guild.roles,
            guild_id: one.guildId,
          },
        ],
        [
          'GUILD_ROLE_CREATE',
          {
            guild_id: one.guildId,
            role: { ...one.adminRole, id: toSnowflake(now, 4), name: 'Helper', permissions: '0' },
          },
        ],
        [
          'VOICE_STATE_UPDATE',
          toVoiceState({
            guildId: one.guildId,
            channelId: one.voiceChannel,
            member: alice,
            sessionId: 'voice-1',
          }),
        ],
        [
          'VOICE_STATE_UPDATE',
          toVoiceState({
            guildId: one.guildId,
            channelId: null,
            member: alice,
            sessionId: 'voice-1',
          }),
        ],
      ];
      for (const [event, data] of events) sim.dispatch(one.guildId, event, data);

      const inOne = `"guildId" = '${one.guildId}'`;
      await waitUntil(
        'the last voice state',
        async () => (await count(db(), 'VoiceSession', `${inOne} AND "leftAt" IS NOT NULL`)) === 1,
      );
      expect(
        await count(db(), 'Presence', `${inOne} AND "clientStatus" ?& array['desktop','mobile']`),
      ).toBe(1);
      expect(
        await db().query(
          `SELECT content, length, "editedAt" IS NOT NULL AS edited, "deletedAt" IS NOT NULL AS deleted FROM "Message"`,
        ),
        // Without the MessageContent intent Discord sends no content, so no length either.
      ).toEqual([{ content: null, length: 0, edited: true, deleted: true }]);
      expect(await count(db(), 'TypingEvent', inOne)).toBe(1);
      expect(await count(db(), 'ReactionLatency', inOne)).toBe(1);
      expect(await count(db(), 'ReactionEvent', `${inOne} AND emoji = '👍'`)).toBe(2);
      expect(
        await db().query(
          `SELECT type FROM "MemberEvent" WHERE ${inOne} ORDER BY timestamp, type DESC`,
        ),
      ).toEqual([{ type: 'join' }, { type: 'leave' }]);
      const [joined] = await db().query<{ days: number }>(
        `SELECT round(extract(epoch FROM timestamp - "accountCreatedAt") / 86400)::int AS days FROM "MemberEvent" WHERE type = 'join'`,
      );
      expect(joined?.days).toBe(2);
      expect(
        await db().query(`SELECT "roleId", action, "actorId" FROM "RoleChange" WHERE ${inOne}`),
      ).toEqual([{ roleId: one.adminRole.id, action: 'added', actorId: alice.user.id }]);
      expect(
        await db().query(`SELECT "bannedBy", reason, "isActive" FROM "BanRecord" WHERE ${inOne}`),
      ).toEqual([{ bannedBy: alice.user.id, reason: 'raid', isActive: false }]);
      expect(await count(db(), 'ReactionEvent', `${inOne} AND action = 'removed'`)).toBe(1);
      expect(await db().query(`SELECT name FROM "Guild" WHERE id = $1`, [one.guildId])).toEqual([
        { name: 'Guild 1 renamed' },
      ]);
      expect(await count(db(), 'GuildRole', `${inOne} AND name = 'Helper'`)).toBe(1);
      // Nothing leaked into the other guild.
      const inTwo = `"guildId" = '${two.guildId}'`;
      for (const table of [
        'Presence',
        'Message',
        'TypingEvent',
        'ReactionEvent',
        'MemberEvent',
        'RoleChange',
        'BanRecord',
        'VoiceSession',
      ]) {
        expect(await count(db(), table, inTwo), table).toBe(0);
      }
      const [session] = await db().query<{ sequence: number }>(
        `SELECT sequence FROM "GatewaySession"`,
      );
      expect(session?.sequence).toBeGreaterThan(events.length);
    });

    it('counts and skips malformed payloads, and stores the next good event', async () => {
      const one = smallGuild(3);
      sim = await createDiscordSimulator({ guilds: [one.guild] });
      running = await startTestBot(sim, db());
      await waitUntil('the guild', async () => (await count(db(), 'GuildMember')) >= 3);
      const [alice] = one.members;
      if (!alice) throw new Error('no member');
      const bad: [string, unknown][] = [
        ['PRESENCE_UPDATE', { guild_id: one.guildId, status: 'online' }],
        ['PRESENCE_UPDATE', { guild_id: one.guildId, user: { id: 42 }, status: 'online' }],
        ['MESSAGE_CREATE', { guild_id: one.guildId, id: 'x', content: 'x'.repeat(100_000) }],
        ['SOMETHING_NEW', { guild_id: one.guildId }],
        ['TYPING_START', null],
      ];
      for (const [event, data] of bad) sim.dispatch(one.guildId, event, data);
      const good = toMessageCreate({
        id: toSnowflake(Date.now(), 9),
        guildId: one.guildId,
        channelId: one.textChannel,
        author: alice,
        content: 'ok',
        atMs: Date.now(),
      });
      sim.dispatch(one.guildId, 'MESSAGE_CREATE', good);
      await waitUntil('the good message', async () => (await count(db(), 'Message')) === 1);
      expect(await running.counter('invalid', { type: 'PRESENCE_UPDATE' })).toBe(2);
      expect(await running.counter('invalid', { type: 'MESSAGE_CREATE' })).toBe(1);
      expect(await running.counter('invalid', { type: 'TYPING_START' })).toBe(1);
      expect(await count(db(), 'Presence', `"guildId" = '${one.guildId}'`)).toBe(0);
    });

    it('stores message content only for a guild that enabled capture', async () => {
      const one = smallGuild(4);
      await db().query(`INSERT INTO "Guild" (id, name) VALUES ($1, '')`, [one.guildId]);
      await db().query(
        `INSERT INTO "GuildSettings" ("guildId", "contentCapture") VALUES ($1, true)`,
        [one.guildId],
      );
      sim = await createDiscordSimulator({ guilds: [one.guild] });
      running = await startTestBot(sim, db());
      await waitUntil('the guild', async () => (await count(db(), 'GuildMember')) >= 3);
      const [alice] = one.members;
      if (!alice) throw new Error('no member');
      sim.dispatch(
        one.guildId,
        'MESSAGE_CREATE',
        toMessageCreate({
          id: toSnowflake(Date.now(), 5),
          guildId: one.guildId,
          channelId: one.textChannel,
          author: alice,
          content: 'kept on purpose',
          atMs: Date.now(),
        }),
      );
      await waitUntil('the message', async () => (await count(db(), 'Message')) === 1);
      expect(await db().query(`SELECT content, length FROM "Message"`)).toEqual([
        { content: 'kept on purpose', length: 15 },
      ]);
    });

    it('asks for the members a large guild leaves out of GUILD_CREATE', async () => {
      const big = smallGuild(6, 120);
      sim = await createDiscordSimulator({
        guilds: [big.guild],
        gateway: { memberRequestIntervalMs: 0 },
      });
      running = await startTestBot(sim, db());
      await waitUntil(
        'every member',
        async () => (await count(db(), 'GuildMember', `"guildId" = '${big.guildId}'`)) >= 120,
      );
      expect(sim.counters.memberRequests).toBe(1);
    });

    it('splits the guilds between two processes that own one shard each', async () => {
      const guilds = [1, 2, 3, 4, 5, 6].map((i) => smallGuild(10 + i));
      const byShard = [0, 1].map((shard) => guilds.find((g) => toShardId(g.guildId, 2) === shard));
      const [zero, one] = byShard;
      if (!zero || !one) throw new Error('no guild for a shard');
      sim = await createDiscordSimulator({
        guilds: [zero.guild, one.guild],
        gateway: { shardCount: 2 },
      });
      running = await startTestBot(sim, db(), { shardIds: [0], shardCount: 2 });
      const other = await startTestBot(sim, db(), { shardIds: [1], shardCount: 2 });
      try {
        await waitUntil(
          'both guilds',
          async () => (await count(db(), 'Guild', `name LIKE 'Guild %'`)) === 2,
        );
        await waitUntil('both sessions', async () => (await count(db(), 'GatewaySession')) === 2);
        expect(
          sim
            .listSessions()
            .map((session) => session.shard)
            .sort(),
        ).toEqual([
          [0, 2],
          [1, 2],
        ]);
      } finally {
        await other.bot.stop();
      }
    });
  });
}
