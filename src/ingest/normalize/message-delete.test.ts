import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { messageDelete, messageDeleteBulk } from './fixtures/messages.ts';
import { context } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const deleted = (id: string) => ({ id, guildId: ids.guild, deletedAt: receivedAt });

describe('MESSAGE_DELETE and MESSAGE_DELETE_BULK', () => {
  it.each([
    { eventName: 'MESSAGE_DELETE', data: messageDelete, rows: [deleted(ids.message)] },
    {
      eventName: 'MESSAGE_DELETE_BULK',
      data: messageDeleteBulk,
      rows: [deleted(ids.message), deleted(ids.otherMessage)],
    },
  ])('$eventName marks messages deleted at the receive time', ({ eventName, data, rows }) => {
    expect(normalizeDispatch(eventName, data, context)).toEqual({
      kind: 'rows',
      rows: { messageDeletes: rows },
    });
  });

  it.each([
    { eventName: 'MESSAGE_DELETE', data: { ...messageDelete, guild_id: undefined } },
    { eventName: 'MESSAGE_DELETE_BULK', data: { ...messageDeleteBulk, guild_id: undefined } },
  ])('$eventName ignores DMs', ({ eventName, data }) => {
    expect(normalizeDispatch(eventName, data, context)).toEqual({ kind: 'ignored' });
  });

  it.each([
    {
      eventName: 'MESSAGE_DELETE',
      data: { ...messageDelete, id: 1 },
      reason: 'id: expected a snowflake, received number',
    },
    {
      eventName: 'MESSAGE_DELETE_BULK',
      data: { ...messageDeleteBulk, ids: [ids.message, 'x'] },
      reason: 'ids.1: expected a snowflake',
    },
    {
      eventName: 'MESSAGE_DELETE_BULK',
      data: { ...messageDeleteBulk, ids: Array(1_001).fill(ids.message) },
      reason: 'ids: more than 1000 items',
    },
  ])('$eventName rejects: $reason', ({ eventName, data, reason }) => {
    expect(normalizeDispatch(eventName, data, context)).toEqual({
      kind: 'invalid',
      reason: `${eventName}: ${reason}`,
    });
  });
});
