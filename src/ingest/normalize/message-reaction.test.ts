import { describe, expect, it } from 'vitest';
import { reactionAddUnicode, reactionRemoveCustom } from './fixtures/channel-events.ts';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { context } from './fixtures/normalize-context.ts';
import { userRows } from './fixtures/user-rows.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const reaction = {
  guildId: ids.guild,
  channelId: ids.general,
  messageId: ids.message,
  userDiscordId: ids.bob,
  timestamp: receivedAt,
};

describe('MESSAGE_REACTION_ADD and MESSAGE_REACTION_REMOVE', () => {
  it.each([
    {
      name: 'a unicode emoji added, with the member',
      eventName: 'MESSAGE_REACTION_ADD',
      data: reactionAddUnicode,
      rows: { users: [userRows.bob], reactions: [{ ...reaction, emoji: '🦉', action: 'added' }] },
    },
    {
      name: 'a custom emoji removed, as name:id',
      eventName: 'MESSAGE_REACTION_REMOVE',
      data: reactionRemoveCustom,
      rows: {
        users: [],
        reactions: [{ ...reaction, emoji: `owlwave:${ids.customEmoji}`, action: 'removed' }],
      },
    },
    {
      name: 'a custom emoji whose name Discord lost',
      eventName: 'MESSAGE_REACTION_REMOVE',
      data: { ...reactionRemoveCustom, emoji: { id: ids.customEmoji, name: null } },
      rows: {
        users: [],
        reactions: [{ ...reaction, emoji: `:${ids.customEmoji}`, action: 'removed' }],
      },
    },
  ])('$name', ({ eventName, data, rows }) => {
    expect(normalizeDispatch(eventName, data, context)).toEqual({ kind: 'rows', rows });
  });

  it('ignores reactions in DMs', () => {
    const { guild_id, member, ...dm } = reactionAddUnicode;
    expect(normalizeDispatch('MESSAGE_REACTION_ADD', dm, context)).toEqual({ kind: 'ignored' });
  });

  it.each([
    {
      data: { ...reactionAddUnicode, emoji: undefined },
      reason: 'emoji: expected an object, received undefined',
    },
    {
      data: { ...reactionAddUnicode, emoji: { id: null, name: null } },
      reason: 'emoji: expected an id or a name',
    },
    {
      data: { ...reactionAddUnicode, emoji: { id: 'owl', name: 'owl' } },
      reason: 'emoji.id: expected a snowflake',
    },
    {
      data: { ...reactionAddUnicode, emoji: { id: null, name: 'e'.repeat(257) } },
      reason: 'emoji.name: longer than 256 characters',
    },
    {
      data: { ...reactionAddUnicode, message_id: 12 },
      reason: 'message_id: expected a snowflake, received number',
    },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalizeDispatch('MESSAGE_REACTION_ADD', data, context)).toEqual({
      kind: 'invalid',
      reason: `MESSAGE_REACTION_ADD: ${reason}`,
    });
  });
});
