import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildBanAdd } from './fixtures/members.ts';
import { context } from './fixtures/normalize-context.ts';
import { userRows } from './fixtures/user-rows.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

describe('GUILD_BAN_ADD and GUILD_BAN_REMOVE', () => {
  it.each([
    { eventName: 'GUILD_BAN_ADD', action: 'ban' },
    { eventName: 'GUILD_BAN_REMOVE', action: 'unban' },
  ])('$eventName records a $action and the user', ({ eventName, action }) => {
    expect(normalizeDispatch(eventName, guildBanAdd, context)).toEqual({
      kind: 'rows',
      rows: {
        users: [userRows.newbie],
        bans: [{ guildId: ids.guild, userDiscordId: ids.newbie, action, timestamp: receivedAt }],
      },
    });
  });

  it('rejects a ban with a malformed user', () => {
    expect(normalizeDispatch('GUILD_BAN_ADD', { ...guildBanAdd, user: [] }, context)).toEqual({
      kind: 'invalid',
      reason: 'GUILD_BAN_ADD: user: expected an object, received array',
    });
  });
});
