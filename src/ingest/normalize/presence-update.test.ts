import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { context } from './fixtures/normalize-context.ts';
import {
  presenceUpdate,
  presenceUpdateOffline,
  presenceUpdateWithUser,
} from './fixtures/presence-update.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';
import { parsePresenceUpdate, parsePresenceUpdateWithSchema } from './presence-update.ts';

const normalize = (data: unknown) => normalizeDispatch('PRESENCE_UPDATE', data, context);

describe('PRESENCE_UPDATE', () => {
  it.each([
    {
      name: 'partial user: a presence row only, offline platforms and extra activity fields dropped',
      data: presenceUpdate,
      users: [],
      presence: {
        userDiscordId: ids.alice,
        status: 'dnd',
        clientStatus: { desktop: 'dnd', mobile: 'idle' },
        activities: [
          { type: 4, name: 'Custom Status' },
          { type: 0, name: 'Rocket League', details: 'Ranked Doubles 2v2' },
        ],
      },
    },
    {
      name: 'full user: a user row as well',
      data: presenceUpdateWithUser,
      users: [
        {
          discordId: ids.bob,
          username: 'bob_the_builder',
          discriminator: '0',
          globalName: 'Bob',
          avatar: '00112233445566778899aabbccddeeff',
          isBot: false,
        },
      ],
      presence: {
        userDiscordId: ids.bob,
        status: 'online',
        clientStatus: { web: 'online' },
        activities: [],
      },
    },
    {
      name: 'offline, without platforms',
      data: presenceUpdateOffline,
      users: [],
      presence: { userDiscordId: ids.bob, status: 'offline', clientStatus: {}, activities: [] },
    },
    {
      name: 'embedded kept, unknown platforms (vr) dropped, no client_status or activities at all',
      data: {
        ...presenceUpdateOffline,
        status: 'online',
        client_status: { embedded: 'online', vr: 'idle' },
        activities: undefined,
      },
      users: [],
      presence: {
        userDiscordId: ids.bob,
        status: 'online',
        clientStatus: { embedded: 'online' },
        activities: [],
      },
    },
  ])('$name', ({ data, users, presence }) => {
    expect(normalize(data)).toEqual({
      kind: 'rows',
      rows: { users, presences: [{ guildId: ids.guild, ...presence, timestamp: receivedAt }] },
    });
  });

  it('keeps at most 10 activities, and 128 characters of details', () => {
    const activity = { name: 'Game', type: 0, details: 'x'.repeat(4_000), created_at: 0 };
    const result = normalize({ ...presenceUpdate, activities: Array(12).fill(activity) });
    expect(result.kind === 'rows' && result.rows.presences?.[0]?.activities).toEqual(
      Array(10).fill({ type: 0, name: 'Game', details: 'x'.repeat(128) }),
    );
  });

  it.each([
    { data: null, reason: 'expected an object, received null' },
    { data: { ...presenceUpdate, user: { id: 'alice' } }, reason: 'user.id: expected a snowflake' },
    {
      data: { ...presenceUpdate, user: { id: '123456789012345678901' } },
      reason: 'user.id: expected a snowflake',
    },
    {
      data: { ...presenceUpdate, user: undefined },
      reason: 'user: expected an object, received undefined',
    },
    {
      data: { ...presenceUpdate, user: { id: 42 } },
      reason: 'user.id: expected a snowflake, received number',
    },
    {
      data: { ...presenceUpdate, guild_id: undefined },
      reason: 'guild_id: expected a snowflake, received undefined',
    },
    {
      data: { ...presenceUpdate, status: 'away' },
      reason: 'status: expected online, idle, dnd or offline',
    },
    {
      data: { ...presenceUpdate, status: 'invisible' },
      reason: 'status: expected online, idle, dnd or offline',
    },
    {
      data: { ...presenceUpdate, status: undefined },
      reason: 'status: expected online, idle, dnd or offline, received undefined',
    },
    {
      data: { ...presenceUpdate, client_status: { desktop: 'away' } },
      reason: 'client_status.desktop: expected online, idle, dnd or offline',
    },
    {
      data: { ...presenceUpdate, client_status: [] },
      reason: 'client_status: expected an object, received array',
    },
    {
      data: { ...presenceUpdate, user: { id: ids.alice, username: 'u'.repeat(101) } },
      reason: 'user.username: longer than 100 characters',
    },
    {
      data: { ...presenceUpdate, activities: [{ type: 0, name: 'n'.repeat(257) }] },
      reason: 'activities.0.name: longer than 256 characters',
    },
    {
      data: { ...presenceUpdate, activities: [{ type: 1.5, name: 'Game' }] },
      reason: 'activities.0.type: expected an integer',
    },
    {
      data: { ...presenceUpdate, activities: [{ type: 0 }] },
      reason: 'activities.0.name: expected a string, received undefined',
    },
    {
      data: { ...presenceUpdate, activities: Array(101).fill({ type: 0, name: 'Game' }) },
      reason: 'activities: more than 100 items',
    },
    { data: { ...presenceUpdate, activities: 'playing' }, reason: 'activities: expected an array' },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalize(data)).toEqual({ kind: 'invalid', reason: `PRESENCE_UPDATE: ${reason}` });
  });
});

describe('parsePresenceUpdate (hand-checked common shape, else the schema)', () => {
  const variants: [string, unknown][] = [
    ['the fixture', presenceUpdate],
    ['a full user', presenceUpdateWithUser],
    ['offline', presenceUpdateOffline],
    [
      'no client_status or activities',
      { user: { id: ids.alice }, guild_id: ids.guild, status: 'idle' },
    ],
    [
      'an unknown platform',
      { ...presenceUpdate, client_status: { vr: 'online', desktop: 'idle' } },
    ],
    ['null details', { ...presenceUpdate, activities: [{ type: 0, name: 'x', details: null }] }],
    ['extra top-level fields', { ...presenceUpdate, nonce: 'n', roles: ['1'] }],
    ['a bad platform status', { ...presenceUpdate, client_status: { desktop: 'away' } }],
    ['null client_status', { ...presenceUpdate, client_status: null }],
    ['a bad status', { ...presenceUpdate, status: 'invisible' }],
    ['no user', { ...presenceUpdate, user: undefined }],
    ['a numeric user id', { ...presenceUpdate, user: { id: 12 } }],
    ['a bad guild id', { ...presenceUpdate, guild_id: '12a' }],
    ['a non-integer activity type', { ...presenceUpdate, activities: [{ type: 1.5, name: 'x' }] }],
    ['an activity type past 255', { ...presenceUpdate, activities: [{ type: 256, name: 'x' }] }],
    [
      'a long activity name',
      { ...presenceUpdate, activities: [{ type: 0, name: 'x'.repeat(257) }] },
    ],
    ['numeric details', { ...presenceUpdate, activities: [{ type: 0, name: 'x', details: 5 }] }],
    ['activities not an array', { ...presenceUpdate, activities: {} }],
    ['101 activities', { ...presenceUpdate, activities: Array(101).fill({ type: 0, name: 'x' }) }],
    ['an array', [presenceUpdate]],
    ['null', null],
  ];
  it.each(variants)('%s: the same result as the schema alone', (_name, data) => {
    expect(parsePresenceUpdate(data)).toEqual(parsePresenceUpdateWithSchema(data));
  });
});
