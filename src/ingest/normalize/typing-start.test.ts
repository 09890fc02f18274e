import { describe, expect, it } from 'vitest';
import { typingStart } from './fixtures/channel-events.ts';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { context } from './fixtures/normalize-context.ts';
import { userRows } from './fixtures/user-rows.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const typingRow = {
  guildId: ids.guild,
  channelId: ids.general,
  userDiscordId: ids.bob,
  timestamp: receivedAt,
};

describe('TYPING_START', () => {
  it.each([
    { name: 'with its member: the user too', data: typingStart, users: [userRows.bob] },
    { name: 'without a member', data: { ...typingStart, member: undefined }, users: [] },
  ])('$name, timed at the receive time, not Discord’s whole seconds', ({ data, users }) => {
    expect(normalizeDispatch('TYPING_START', data, context)).toEqual({
      kind: 'rows',
      rows: { users, typing: [typingRow] },
    });
  });

  it('ignores typing in a DM', () => {
    const { guild_id, member, ...dm } = typingStart;
    expect(normalizeDispatch('TYPING_START', dm, context)).toEqual({ kind: 'ignored' });
  });

  it.each([
    {
      data: { ...typingStart, user_id: undefined },
      reason: 'user_id: expected a snowflake, received undefined',
    },
    { data: { ...typingStart, channel_id: '' }, reason: 'channel_id: expected a snowflake' },
    { data: { ...typingStart, member: 'bob' }, reason: 'member: expected an object' },
    {
      data: { ...typingStart, member: { user: { id: ids.bob, username: 7 } } },
      reason: 'member.user.username: expected a string, received number',
    },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalizeDispatch('TYPING_START', data, context)).toEqual({
      kind: 'invalid',
      reason: `TYPING_START: ${reason}`,
    });
  });
});
