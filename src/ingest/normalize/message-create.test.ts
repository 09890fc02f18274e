import { describe, expect, it } from 'vitest';
import { ids } from './fixtures/discord-ids.ts';
import { messageCreate, replyCreate } from './fixtures/messages.ts';
import { context, contextWith } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const aliceRow = {
  discordId: ids.alice,
  username: 'alice',
  discriminator: '0',
  globalName: 'Alice',
  avatar: 'a_0123456789abcdef0123456789abcdef',
  isBot: false,
};

const messageRow = {
  id: ids.message,
  guildId: ids.guild,
  channelId: ids.general,
  userDiscordId: ids.alice,
  // 'gm everyone 🦉': 12 characters and an owl of two UTF-16 code units.
  length: 14,
  attachments: [
    { id: ids.attachment, filename: 'owl.png', size: 48_213, contentType: 'image/png' },
    { id: ids.otherMessage, filename: 'notes', size: 12, contentType: null },
  ],
  timestamp: new Date('2024-05-01T11:59:58.500Z'),
};

describe('MESSAGE_CREATE', () => {
  it.each([
    { capture: false, content: null },
    { capture: true, content: 'gm everyone 🦉' },
  ])(
    'stores content $content when capture is $capture, and the length always',
    ({ capture, content }) => {
      const result = normalizeDispatch(
        'MESSAGE_CREATE',
        messageCreate,
        contextWith({ captureContent: capture }),
      );
      expect(result).toEqual({
        kind: 'rows',
        rows: { users: [aliceRow], messages: [{ ...messageRow, content }] },
      });
    },
  );

  it('asks about content capture for the message guild', () => {
    const asked: string[] = [];
    normalizeDispatch('MESSAGE_CREATE', messageCreate, {
      ...context,
      captureContent: (guildId) => asked.push(guildId) > 0,
    });
    expect(asked).toEqual([ids.guild]);
  });

  it('records replies, and messages without attachments or type', () => {
    const result = normalizeDispatch(
      'MESSAGE_CREATE',
      { ...replyCreate, type: undefined, attachments: undefined },
      context,
    );
    expect(result.kind === 'rows' && result.rows.messages).toEqual([
      {
        id: ids.otherMessage,
        guildId: ids.guild,
        channelId: ids.general,
        userDiscordId: ids.bob,
        content: null,
        length: 2,
        attachments: [],
        timestamp: new Date('2024-05-01T11:59:59Z'),
      },
    ]);
  });

  it.each([
    { name: 'a webhook post', data: { ...messageCreate, webhook_id: ids.webhook } },
    { name: 'a join message', data: { ...messageCreate, type: 7, content: '' } },
    { name: 'a pin notice', data: { ...messageCreate, type: 6 } },
    { name: 'a DM (no guild_id)', data: { ...messageCreate, guild_id: undefined } },
  ])('ignores $name', ({ data }) => {
    expect(normalizeDispatch('MESSAGE_CREATE', data, context)).toEqual({ kind: 'ignored' });
  });

  it.each([
    {
      data: { ...messageCreate, guild_id: null },
      reason: 'guild_id: expected a snowflake, received null',
    },
    {
      data: { ...messageCreate, author: undefined },
      reason: 'author: expected an object, received undefined',
    },
    {
      data: { ...messageCreate, author: { ...messageCreate.author, id: '12ab' } },
      reason: 'author.id: expected a snowflake',
    },
    {
      data: { ...messageCreate, content: 'c'.repeat(8_001) },
      reason: 'content: longer than 8000 characters',
    },
    {
      data: { ...messageCreate, content: undefined },
      reason: 'content: expected a string, received undefined',
    },
    {
      data: { ...messageCreate, timestamp: 1_714_564_798 },
      reason: 'timestamp: expected an ISO 8601 timestamp, received number',
    },
    {
      data: { ...messageCreate, timestamp: 'Wed, 01 May 2024 11:59:58 GMT' },
      reason: 'timestamp: expected an ISO 8601 timestamp',
    },
    {
      data: { ...messageCreate, attachments: Array(101).fill(messageCreate.attachments[0]) },
      reason: 'attachments: more than 100 items',
    },
    {
      data: { ...messageCreate, attachments: [{ ...messageCreate.attachments[0], size: -1 }] },
      reason: 'attachments.0.size: less than 0',
    },
    {
      data: {
        ...messageCreate,
        attachments: [{ ...messageCreate.attachments[0], filename: 'f'.repeat(1_025) }],
      },
      reason: 'attachments.0.filename: longer than 1024 characters',
    },
    {
      data: { ...messageCreate, channel_id: [] },
      reason: 'channel_id: expected a snowflake, received array',
    },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalizeDispatch('MESSAGE_CREATE', data, context)).toEqual({
      kind: 'invalid',
      reason: `MESSAGE_CREATE: ${reason}`,
    });
  });
});
