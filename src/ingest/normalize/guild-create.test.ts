import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildCreate } from './fixtures/guild-create.ts';
import { context } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const normalize = (data: unknown) => normalizeDispatch('GUILD_CREATE', data, context);
const guildId = ids.guild;

describe('GUILD_CREATE', () => {
  it('yields the guild, its roles, members with baseline roles, presences and voice states', () => {
    expect(normalize(guildCreate)).toEqual({
      kind: 'rows',
      rows: {
        guilds: [
          {
            id: guildId,
            name: 'Night Owls',
            icon: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d',
            ownerId: ids.owner,
            memberCount: 3,
          },
        ],
        roles: [
          {
            id: guildId,
            guildId,
            name: '@everyone',
            permissions: '2222085186637376',
            position: 0,
            managed: false,
          },
          {
            id: ids.adminRole,
            guildId,
            name: 'Admins',
            permissions: '8',
            position: 2,
            managed: false,
          },
          {
            id: ids.memberRole,
            guildId,
            name: 'Spywatcher',
            permissions: '1024',
            position: 1,
            managed: true,
          },
        ],
        users: [
          {
            discordId: ids.alice,
            username: 'alice',
            discriminator: '0',
            globalName: 'Alice',
            avatar: 'a_0123456789abcdef0123456789abcdef',
            isBot: false,
          },
          {
            discordId: ids.bob,
            username: 'bob_the_builder',
            discriminator: '0',
            globalName: null,
            avatar: null,
            isBot: false,
          },
          {
            discordId: ids.bot,
            username: 'Spywatcher',
            discriminator: '4821',
            globalName: null,
            avatar: null,
            isBot: true,
          },
        ],
        members: [
          {
            guildId,
            userDiscordId: ids.alice,
            nick: 'Ali',
            joinedAt: new Date('2019-02-04T10:00:00Z'),
            leftAt: null,
          },
          {
            guildId,
            userDiscordId: ids.bob,
            nick: null,
            joinedAt: new Date('2021-08-01T12:30:45.123Z'),
            leftAt: null,
          },
          {
            guildId,
            userDiscordId: ids.bot,
            nick: null,
            joinedAt: new Date('2024-04-01T08:00:00Z'),
            leftAt: null,
          },
        ],
        memberRoles: [
          {
            guildId,
            userDiscordId: ids.alice,
            roleIds: [ids.adminRole],
            timestamp: receivedAt,
            baseline: true,
          },
          { guildId, userDiscordId: ids.bob, roleIds: [], timestamp: receivedAt, baseline: true },
          {
            guildId,
            userDiscordId: ids.bot,
            roleIds: [ids.memberRole],
            timestamp: receivedAt,
            baseline: true,
          },
        ],
        presences: [
          {
            guildId,
            userDiscordId: ids.alice,
            status: 'online',
            clientStatus: { desktop: 'online' },
            activities: [{ type: 0, name: 'Minecraft' }],
            timestamp: receivedAt,
          },
          {
            guildId,
            userDiscordId: ids.bob,
            status: 'idle',
            clientStatus: { mobile: 'idle' },
            activities: [],
            timestamp: receivedAt,
          },
        ],
        voiceStates: [
          { guildId, userDiscordId: ids.bob, channelId: ids.voice, timestamp: receivedAt },
        ],
      },
    });
  });

  it('adds the full users of presences whose member is not listed', () => {
    const stranger = {
      id: ids.newbie,
      username: 'fresh.account',
      discriminator: '0',
      global_name: null,
      avatar: null,
    };
    const presence = {
      user: stranger,
      status: 'online',
      client_status: { web: 'online' },
      activities: [],
    };
    const result = normalize({ ...guildCreate, presences: [presence], voice_states: undefined });
    expect(result.kind === 'rows' && result.rows.users?.map((user) => user.discordId)).toEqual([
      ids.alice,
      ids.bob,
      ids.bot,
      ids.newbie,
    ]);
    expect(result.kind === 'rows' && result.rows.voiceStates).toEqual([]);
  });

  it('ignores an unavailable guild (an outage)', () => {
    expect(normalize({ id: guildId, unavailable: true })).toEqual({ kind: 'ignored' });
  });

  const member = guildCreate.members[0];
  it.each([
    { data: { id: 'x', unavailable: true }, reason: 'id: expected a snowflake' },
    {
      data: { ...guildCreate, name: undefined },
      reason: 'name: expected a string, received undefined',
    },
    { data: { ...guildCreate, name: 'n'.repeat(201) }, reason: 'name: longer than 200 characters' },
    {
      data: { ...guildCreate, owner_id: 7 },
      reason: 'owner_id: expected a snowflake, received number',
    },
    { data: { ...guildCreate, member_count: -1 }, reason: 'member_count: less than 0' },
    {
      data: { ...guildCreate, roles: Array(1_001).fill(guildCreate.roles[0]) },
      reason: 'roles: more than 1000 items',
    },
    {
      data: { ...guildCreate, roles: [{ ...guildCreate.roles[0], permissions: 8 }] },
      reason: 'roles.0.permissions: expected a string, received number',
    },
    {
      data: { ...guildCreate, roles: [{ ...guildCreate.roles[0], permissions: '0x8' }] },
      reason: 'roles.0.permissions: expected a decimal permission bitfield',
    },
    {
      data: { ...guildCreate, members: Array(1_000_001).fill(member) },
      reason: 'members: more than 1000000 items',
    },
    {
      data: { ...guildCreate, members: [member, { ...member, user: { id: '-1' } }] },
      reason: 'members.1.user.id: expected a snowflake',
    },
    {
      data: { ...guildCreate, members: [{ ...member, roles: Array(1_001).fill(ids.adminRole) }] },
      reason: 'members.0.roles: more than 1000 items',
    },
    {
      data: { ...guildCreate, members: [{ ...member, nick: 'n'.repeat(101) }] },
      reason: 'members.0.nick: longer than 100 characters',
    },
    {
      data: { ...guildCreate, members: [{ ...member, joined_at: 'yesterday' }] },
      reason: 'members.0.joined_at: expected an ISO 8601 timestamp',
    },
    {
      data: { ...guildCreate, members: [{ ...member, joined_at: '2024-13-45T99:00:00Z' }] },
      reason: 'members.0.joined_at: expected an ISO 8601 timestamp',
    },
    {
      data: { ...guildCreate, presences: [{ user: { id: ids.alice }, status: 'busy' }] },
      reason: 'presences.0.status: expected online, idle, dnd or offline',
    },
    {
      data: { ...guildCreate, voice_states: [{ user_id: ids.bob, channel_id: 5 }] },
      reason: 'voice_states.0.channel_id: expected a snowflake, received number',
    },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalize(data)).toEqual({ kind: 'invalid', reason: `GUILD_CREATE: ${reason}` });
  });
});
