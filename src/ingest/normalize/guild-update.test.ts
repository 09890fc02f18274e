import { describe, expect, it } from 'vitest';
import { ids } from './fixtures/discord-ids.ts';
import { guildCreate } from './fixtures/guild-create.ts';
import { context } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const { joined_at, large, member_count, members, presences, voice_states, ...guildUpdate } =
  guildCreate;

describe('GUILD_UPDATE', () => {
  it('yields the guild, member count unknown, and its roles', () => {
    const result = normalizeDispatch(
      'GUILD_UPDATE',
      { ...guildUpdate, name: 'Early Birds', icon: null },
      context,
    );
    expect(result).toEqual({
      kind: 'rows',
      rows: {
        guilds: [
          { id: ids.guild, name: 'Early Birds', icon: null, ownerId: ids.owner, memberCount: null },
        ],
        roles: [
          {
            id: ids.guild,
            guildId: ids.guild,
            name: '@everyone',
            permissions: '2222085186637376',
            position: 0,
            managed: false,
          },
          {
            id: ids.adminRole,
            guildId: ids.guild,
            name: 'Admins',
            permissions: '8',
            position: 2,
            managed: false,
          },
          {
            id: ids.memberRole,
            guildId: ids.guild,
            name: 'Spywatcher',
            permissions: '1024',
            position: 1,
            managed: true,
          },
        ],
      },
    });
  });

  it.each([
    {
      data: { ...guildUpdate, id: undefined },
      reason: 'id: expected a snowflake, received undefined',
    },
    {
      data: { ...guildUpdate, icon: undefined },
      reason: 'icon: expected a string, received undefined',
    },
    { data: { ...guildUpdate, roles: null }, reason: 'roles: expected an array, received null' },
    {
      data: { ...guildUpdate, roles: [{ ...guildUpdate.roles[0], position: '1' }] },
      reason: 'roles.0.position: expected an integer',
    },
    {
      data: { ...guildUpdate, roles: [{ ...guildUpdate.roles[0], managed: 'no' }] },
      reason: 'roles.0.managed: expected a boolean',
    },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalizeDispatch('GUILD_UPDATE', data, context)).toEqual({
      kind: 'invalid',
      reason: `GUILD_UPDATE: ${reason}`,
    });
  });
});
