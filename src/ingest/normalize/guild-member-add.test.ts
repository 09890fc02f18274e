import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildMemberAdd } from './fixtures/members.ts';
import { context } from './fixtures/normalize-context.ts';
import { userRows } from './fixtures/user-rows.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const guildId = ids.guild;
const userDiscordId = ids.newbie;
const accountCreatedAt = new Date('2024-04-30T09:00:00Z');

describe('GUILD_MEMBER_ADD', () => {
  it.each([
    {
      name: 'timed by joined_at',
      data: guildMemberAdd,
      joinedAt: new Date('2024-05-01T11:59:59.900Z'),
    },
    {
      name: 'a voice guest (joined_at null) at the receive time',
      data: { ...guildMemberAdd, joined_at: null },
      joinedAt: null,
    },
  ])('$name: the member, baseline roles, and a join with the account age', ({ data, joinedAt }) => {
    const timestamp = joinedAt ?? receivedAt;
    expect(normalizeDispatch('GUILD_MEMBER_ADD', data, context)).toEqual({
      kind: 'rows',
      rows: {
        users: [userRows.newbie],
        members: [{ guildId, userDiscordId, nick: null, joinedAt, leftAt: null }],
        memberRoles: [
          { guildId, userDiscordId, roleIds: [ids.memberRole], timestamp, baseline: true },
        ],
        memberEvents: [{ guildId, userDiscordId, type: 'join', accountCreatedAt, timestamp }],
      },
    });
  });

  it.each([
    {
      data: { ...guildMemberAdd, guild_id: undefined },
      reason: 'guild_id: expected a snowflake, received undefined',
    },
    {
      data: { ...guildMemberAdd, user: undefined },
      reason: 'user: expected an object, received undefined',
    },
    {
      data: { ...guildMemberAdd, roles: undefined },
      reason: 'roles: expected an array, received undefined',
    },
    {
      data: { ...guildMemberAdd, roles: [ids.memberRole, null] },
      reason: 'roles.1: expected a snowflake, received null',
    },
    {
      data: { ...guildMemberAdd, joined_at: undefined },
      reason: 'joined_at: expected an ISO 8601 timestamp, received undefined',
    },
    {
      data: { ...guildMemberAdd, user: { ...guildMemberAdd.user, global_name: 'g'.repeat(101) } },
      reason: 'user.global_name: longer than 100 characters',
    },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalizeDispatch('GUILD_MEMBER_ADD', data, context)).toEqual({
      kind: 'invalid',
      reason: `GUILD_MEMBER_ADD: ${reason}`,
    });
  });
});
