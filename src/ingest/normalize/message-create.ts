import { MessageType } from 'discord-api-types/v10';
import type { z } from 'zod';
import type { AttachmentRow, IngestRows } from '../ingest-rows.ts';
import {
  arraySchema,
  integerSchema,
  objectSchema,
  snowflakeSchema,
  stringSchema,
  timestampSchema,
} from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';
import { toUserRows, userPayloadSchema } from './user-payload.ts';

/** @see https://discord.com/developers/docs/resources/message#attachment-object */
const attachmentSchema = objectSchema({
  id: snowflakeSchema,
  filename: stringSchema(payloadLimits.filenameChars),
  size: integerSchema(0, Number.MAX_SAFE_INTEGER),
  content_type: stringSchema(payloadLimits.contentTypeChars).optional(),
});

/**
 * `content` is empty (and `attachments` too) unless the bot has the MessageContent intent.
 * @see https://discord.com/developers/docs/events/gateway-events#message-create
 */
const messageCreateSchema = objectSchema({
  id: snowflakeSchema,
  channel_id: snowflakeSchema,
  guild_id: snowflakeSchema,
  author: userPayloadSchema,
  content: stringSchema(payloadLimits.contentChars),
  timestamp: timestampSchema,
  attachments: arraySchema(attachmentSchema, payloadLimits.attachments).optional(),
  type: integerSchema(0, 255).optional(),
  webhook_id: snowflakeSchema.optional(),
});

/** What `parseMessageCreate` yields. */
export type MessageCreatePayload = z.output<typeof messageCreateSchema>;

/** Parses a MESSAGE_CREATE dispatch's data. */
export const parseMessageCreate = (data: unknown): ParseResult<MessageCreatePayload> =>
  parsePayload(messageCreateSchema, data);

/**
 * Messages a member wrote. System messages (joins, boosts, pins…) are authored by Discord on
 * a member's behalf and would count as that member speaking.
 * @see https://discord.com/developers/docs/resources/message#message-object-message-types
 */
const memberMessageTypes: ReadonlySet<number> = new Set([
  MessageType.Default,
  MessageType.Reply,
  MessageType.ChatInputCommand,
  MessageType.ContextMenuCommand,
]);

const toAttachmentRow = (
  attachment: NonNullable<MessageCreatePayload['attachments']>[number],
): AttachmentRow => ({
  id: attachment.id,
  filename: attachment.filename,
  size: attachment.size,
  contentType: attachment.content_type ?? null,
});

/**
 * The message's metadata (its content only where `captureContent`) and its author; `undefined`
 * for system messages and webhook posts, whose author is not a member.
 */
export const toMessageCreateRows = (
  message: MessageCreatePayload,
  captureContent: boolean,
): Pick<IngestRows, 'users' | 'messages'> | undefined => {
  if (message.webhook_id !== undefined) return undefined;
  if (!memberMessageTypes.has(message.type ?? MessageType.Default)) return undefined;
  return {
    users: toUserRows(message.author),
    messages: [
      {
        id: message.id,
        guildId: message.guild_id,
        channelId: message.channel_id,
        userDiscordId: message.author.id,
        content: captureContent ? message.content : null,
        length: message.content.length,
        attachments: (message.attachments ?? []).map(toAttachmentRow),
        timestamp: message.timestamp,
      },
    ],
  };
};
