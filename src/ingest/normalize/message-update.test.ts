import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { messageUpdate } from './fixtures/messages.ts';
import { context, contextWith } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const editedAt = new Date('2024-05-01T12:00:00.250Z');

describe('MESSAGE_UPDATE', () => {
  it.each([
    {
      name: 'capture off: length, null content',
      capture: false,
      edit: { content: null, length: 16 },
    },
    {
      name: 'capture on: length and content',
      capture: true,
      edit: { content: 'gm everyone 🦉🦉', length: 16 },
    },
  ])('$name', ({ capture, edit }) => {
    const result = normalizeDispatch(
      'MESSAGE_UPDATE',
      messageUpdate,
      contextWith({ captureContent: capture }),
    );
    expect(result).toEqual({
      kind: 'rows',
      rows: { messageEdits: [{ id: ids.message, guildId: ids.guild, editedAt, ...edit }] },
    });
  });

  it('marks a partial update without content or edit time at the receive time', () => {
    const partial = { id: ids.message, channel_id: ids.general, guild_id: ids.guild };
    expect(
      normalizeDispatch('MESSAGE_UPDATE', partial, contextWith({ captureContent: true })),
    ).toEqual({
      kind: 'rows',
      rows: { messageEdits: [{ id: ids.message, guildId: ids.guild, editedAt: receivedAt }] },
    });
  });

  it.each([
    {
      name: 'an embed resolved (edited_timestamp null)',
      data: { ...messageUpdate, edited_timestamp: null },
    },
    { name: 'a DM', data: { ...messageUpdate, guild_id: undefined } },
  ])('ignores $name', ({ data }) => {
    expect(normalizeDispatch('MESSAGE_UPDATE', data, context)).toEqual({ kind: 'ignored' });
  });

  it.each([
    {
      data: { ...messageUpdate, id: undefined },
      reason: 'id: expected a snowflake, received undefined',
    },
    {
      data: { ...messageUpdate, content: 42 },
      reason: 'content: expected a string, received number',
    },
    {
      data: { ...messageUpdate, content: 'c'.repeat(8_001) },
      reason: 'content: longer than 8000 characters',
    },
    {
      data: { ...messageUpdate, edited_timestamp: 'soon' },
      reason: 'edited_timestamp: expected an ISO 8601 timestamp',
    },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalizeDispatch('MESSAGE_UPDATE', data, context)).toEqual({
      kind: 'invalid',
      reason: `MESSAGE_UPDATE: ${reason}`,
    });
  });
});
