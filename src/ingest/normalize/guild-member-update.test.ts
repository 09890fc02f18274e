import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildMemberUpdate } from './fixtures/members.ts';
import { context } from './fixtures/normalize-context.ts';
import { userRows } from './fixtures/user-rows.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const guildId = ids.guild;
const userDiscordId = ids.bob;
const memberRoles = [
  {
    guildId,
    userDiscordId,
    roleIds: [ids.adminRole, ids.memberRole],
    timestamp: receivedAt,
    baseline: false,
  },
];

describe('GUILD_MEMBER_UPDATE', () => {
  it.each([
    {
      name: 'a new nick',
      data: guildMemberUpdate,
      member: { guildId, userDiscordId, nick: 'Bobby' },
    },
    {
      name: 'a cleared nick',
      data: { ...guildMemberUpdate, nick: null },
      member: { guildId, userDiscordId, nick: null },
    },
    {
      name: 'no nick field: keep the stored one',
      data: { ...guildMemberUpdate, nick: undefined },
      member: { guildId, userDiscordId },
    },
  ])('$name, and the full role list to diff (not a baseline)', ({ data, member }) => {
    expect(normalizeDispatch('GUILD_MEMBER_UPDATE', data, context)).toEqual({
      kind: 'rows',
      rows: { users: [userRows.bob], members: [member], memberRoles },
    });
  });

  it.each([
    { data: { ...guildMemberUpdate, roles: 'admin' }, reason: 'roles: expected an array' },
    { data: { ...guildMemberUpdate, nick: 5 }, reason: 'nick: expected a string, received number' },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalizeDispatch('GUILD_MEMBER_UPDATE', data, context)).toEqual({
      kind: 'invalid',
      reason: `GUILD_MEMBER_UPDATE: ${reason}`,
    });
  });
});
