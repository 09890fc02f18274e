import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildMemberRemove } from './fixtures/members.ts';
import { context } from './fixtures/normalize-context.ts';
import { userRows } from './fixtures/user-rows.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

describe('GUILD_MEMBER_REMOVE', () => {
  it('marks the member left and records a leave with the account age', () => {
    expect(normalizeDispatch('GUILD_MEMBER_REMOVE', guildMemberRemove, context)).toEqual({
      kind: 'rows',
      rows: {
        users: [userRows.newbie],
        members: [{ guildId: ids.guild, userDiscordId: ids.newbie, leftAt: receivedAt }],
        memberEvents: [
          {
            guildId: ids.guild,
            userDiscordId: ids.newbie,
            type: 'leave',
            accountCreatedAt: new Date('2024-04-30T09:00:00Z'),
            timestamp: receivedAt,
          },
        ],
      },
    });
  });

  it('rejects a removal without a user', () => {
    expect(normalizeDispatch('GUILD_MEMBER_REMOVE', { guild_id: ids.guild }, context)).toEqual({
      kind: 'invalid',
      reason: 'GUILD_MEMBER_REMOVE: user: expected an object, received undefined',
    });
  });
});
