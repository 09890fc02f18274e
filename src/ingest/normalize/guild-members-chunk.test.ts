import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildCreate } from './fixtures/guild-create.ts';
import { context } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

/** @see https://discord.com/developers/docs/events/gateway-events#guild-members-chunk */
const chunk = {
  guild_id: ids.guild,
  members: [guildCreate.members[1]],
  chunk_index: 0,
  chunk_count: 1,
  presences: [
    { user: { id: ids.bob }, status: 'online', client_status: { web: 'online' }, activities: [] },
  ],
  nonce: 'spywatcher-1',
};

describe('GUILD_MEMBERS_CHUNK', () => {
  it('yields members with baseline roles and their presences, like GUILD_CREATE', () => {
    expect(normalizeDispatch('GUILD_MEMBERS_CHUNK', chunk, context)).toEqual({
      kind: 'rows',
      rows: {
        users: [
          {
            discordId: ids.bob,
            username: 'bob_the_builder',
            discriminator: '0',
            globalName: null,
            avatar: null,
            isBot: false,
          },
        ],
        members: [
          {
            guildId: ids.guild,
            userDiscordId: ids.bob,
            nick: null,
            joinedAt: new Date('2021-08-01T12:30:45.123Z'),
            leftAt: null,
          },
        ],
        memberRoles: [
          {
            guildId: ids.guild,
            userDiscordId: ids.bob,
            roleIds: [],
            timestamp: receivedAt,
            baseline: true,
          },
        ],
        presences: [
          {
            guildId: ids.guild,
            userDiscordId: ids.bob,
            status: 'online',
            clientStatus: { web: 'online' },
            activities: [],
            timestamp: receivedAt,
          },
        ],
      },
    });
  });

  it('rejects a chunk without members', () => {
    expect(
      normalizeDispatch('GUILD_MEMBERS_CHUNK', { ...chunk, members: undefined }, context),
    ).toEqual({
      kind: 'invalid',
      reason: 'GUILD_MEMBERS_CHUNK: members: expected an array, received undefined',
    });
  });
});
