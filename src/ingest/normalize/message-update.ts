import type { z } from 'zod';
import type { IngestRows, MessageEditRow } from '../ingest-rows.ts';
import { objectSchema, snowflakeSchema, stringSchema, timestampSchema } from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';

/**
 * Only `id` and `channel_id` are sure to be there; the rest of the message may be left out.
 * @see https://discord.com/developers/docs/events/gateway-events#message-update
 */
const messageUpdateSchema = objectSchema({
  id: snowflakeSchema,
  channel_id: snowflakeSchema,
  guild_id: snowflakeSchema,
  content: stringSchema(payloadLimits.contentChars).optional(),
  edited_timestamp: timestampSchema.nullable().optional(),
});

/** What `parseMessageUpdate` yields. */
export type MessageUpdatePayload = z.output<typeof messageUpdateSchema>;

/** Parses a MESSAGE_UPDATE dispatch's data. */
export const parseMessageUpdate = (data: unknown): ParseResult<MessageUpdatePayload> =>
  parsePayload(messageUpdateSchema, data);

/**
 * An edit mark, with the new content's length (and the content where `captureContent`) when
 * the payload has it. `edited_timestamp: null` means "never edited": Discord also sends
 * MESSAGE_UPDATE when it resolves a link's embed, and that is no edit (`undefined`).
 */
export const toMessageUpdateRows = (
  message: MessageUpdatePayload,
  captureContent: boolean,
  receivedAt: Date,
): Pick<IngestRows, 'messageEdits'> | undefined => {
  if (message.edited_timestamp === null) return undefined;
  const edit: MessageEditRow = {
    id: message.id,
    guildId: message.guild_id,
    editedAt: message.edited_timestamp ?? receivedAt,
  };
  if (message.content !== undefined) {
    edit.content = captureContent ? message.content : null;
    edit.length = message.content.length;
  }
  return { messageEdits: [edit] };
};
