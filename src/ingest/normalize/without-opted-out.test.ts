import { describe, expect, it } from 'vitest';
import type { IngestRows } from '../ingest-rows.ts';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildCreate } from './fixtures/guild-create.ts';
import { context } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';
import { withoutOptedOut } from './without-opted-out.ts';

const otherGuild = '418708979712131999';
const optedOut =
  (...pairs: [guildId: string, discordId: string][]) =>
  (guildId: string, discordId: string) =>
    pairs.some(([g, d]) => g === guildId && d === discordId);

const rowsOf = (eventName: string, data: unknown): Partial<IngestRows> => {
  const result = normalizeDispatch(eventName, data, context);
  if (result.kind !== 'rows') throw new Error(`${eventName} gave ${result.kind}`);
  return result.rows;
};

const member = (userDiscordId: string, guildId: string = ids.guild) => ({ guildId, userDiscordId });
const at = receivedAt;

/** One row of every member-scoped kind for `userDiscordId`. */
const everythingAbout = (
  userDiscordId: string,
  guildId: string = ids.guild,
): Partial<IngestRows> => ({
  users: [
    {
      discordId: userDiscordId,
      username: 'u',
      discriminator: '0',
      globalName: null,
      avatar: null,
      isBot: false,
    },
  ],
  members: [{ ...member(userDiscordId, guildId), leftAt: at }],
  memberRoles: [{ ...member(userDiscordId, guildId), roleIds: [], timestamp: at, baseline: false }],
  presences: [
    {
      ...member(userDiscordId, guildId),
      status: 'online',
      clientStatus: {},
      activities: [],
      timestamp: at,
    },
  ],
  messages: [
    {
      ...member(userDiscordId, guildId),
      id: ids.message,
      channelId: ids.general,
      content: null,
      length: 0,
      attachments: [],
      timestamp: at,
    },
  ],
  typing: [{ ...member(userDiscordId, guildId), channelId: ids.general, timestamp: at }],
  reactions: [
    {
      ...member(userDiscordId, guildId),
      channelId: ids.general,
      messageId: ids.message,
      emoji: '🦉',
      action: 'added',
      timestamp: at,
    },
  ],
  memberEvents: [
    { ...member(userDiscordId, guildId), type: 'leave', accountCreatedAt: at, timestamp: at },
  ],
  bans: [{ ...member(userDiscordId, guildId), action: 'ban', timestamp: at }],
  voiceStates: [{ ...member(userDiscordId, guildId), channelId: null, timestamp: at }],
});

const empty = {
  users: [],
  members: [],
  memberRoles: [],
  presences: [],
  messages: [],
  typing: [],
  reactions: [],
  memberEvents: [],
  bans: [],
  voiceStates: [],
};

describe('withoutOptedOut', () => {
  it('drops every member-scoped row, and the user, of a member who opted out in that guild', () => {
    expect(withoutOptedOut(everythingAbout(ids.alice), optedOut([ids.guild, ids.alice]))).toEqual(
      empty,
    );
  });

  it('keeps everything about a member who opted out only in another guild', () => {
    const rows = everythingAbout(ids.alice);
    expect(withoutOptedOut(rows, optedOut([otherGuild, ids.alice]))).toEqual(rows);
  });

  it('filters a GUILD_CREATE member by member, keeping the guild and its roles', () => {
    const rows = rowsOf('GUILD_CREATE', guildCreate);
    const kept = withoutOptedOut(rows, optedOut([ids.guild, ids.alice]));
    expect(kept.guilds).toEqual(rows.guilds);
    expect(kept.roles).toEqual(rows.roles);
    for (const kind of ['users', 'members', 'memberRoles', 'presences'] as const) {
      expect(kept[kind]?.length).toBe((rows[kind]?.length ?? 0) - 1);
    }
    expect(JSON.stringify(kept)).not.toContain(ids.alice);
    expect(rows.users?.map((user) => user.discordId)).toContain(ids.alice);
  });

  it('drops a user row when they opted out in any guild the rows speak of', () => {
    const batch = {
      ...everythingAbout(ids.alice, otherGuild),
      guilds: [{ id: ids.guild, name: 'n', icon: null, ownerId: null, memberCount: null }],
    };
    expect(withoutOptedOut(batch, optedOut([ids.guild, ids.alice])).users).toEqual([]);
  });

  const latency = {
    guildId: ids.guild,
    channelId: ids.general,
    messageId: ids.message,
    latencyMs: 900,
    timestamp: at,
  };
  it.each([
    { name: 'the typer', who: ids.bob, kept: [] },
    { name: 'the author answered', who: ids.alice, kept: [] },
    {
      name: 'neither',
      who: ids.moderator,
      kept: [{ ...latency, userDiscordId: ids.bob, targetDiscordId: ids.alice }],
    },
  ])('drops a latency sample when $name opted out', ({ who, kept }) => {
    const rows = {
      latencies: [{ ...latency, userDiscordId: ids.bob, targetDiscordId: ids.alice }],
    };
    expect(withoutOptedOut(rows, optedOut([ids.guild, who])).latencies).toEqual(kept);
  });

  const entry = {
    guildId: ids.guild,
    kind: 'role' as const,
    targetDiscordId: ids.bob,
    actorDiscordId: ids.moderator,
    roleIds: [ids.adminRole],
    reason: null,
    timestamp: at,
  };
  it.each([
    { name: 'the target opted out', who: ids.bob, kept: [] },
    {
      name: 'the actor opted out: the entry only adds their id, so it goes',
      who: ids.moderator,
      kept: [],
    },
    { name: 'neither did', who: ids.alice, kept: [entry] },
  ])('audit entries: $name', ({ who, kept }) => {
    expect(
      withoutOptedOut({ auditActors: [entry] }, optedOut([ids.guild, who])).auditActors,
    ).toEqual(kept);
  });

  it('keeps rows that name no member, and leaves its input alone', () => {
    const rows: Partial<IngestRows> = {
      guildLeaves: [{ guildId: ids.guild, at }],
      roleDeletes: [{ id: ids.adminRole, guildId: ids.guild, at }],
      messageEdits: [{ id: ids.message, guildId: ids.guild, editedAt: at }],
      messageDeletes: [{ id: ids.message, guildId: ids.guild, deletedAt: at }],
      typing: [
        { guildId: ids.guild, channelId: ids.general, userDiscordId: ids.alice, timestamp: at },
      ],
    };
    const before = structuredClone(rows);
    expect(withoutOptedOut(rows, () => true)).toEqual({ ...rows, typing: [] });
    expect(rows).toEqual(before);
  });
});
