import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { arraySchema, objectSchema, snowflakeSchema } from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';

/** @see https://discord.com/developers/docs/events/gateway-events#message-delete */
const messageDeleteSchema = objectSchema({
  id: snowflakeSchema,
  channel_id: snowflakeSchema,
  guild_id: snowflakeSchema,
});

/** @see https://discord.com/developers/docs/events/gateway-events#message-delete-bulk */
const messageDeleteBulkSchema = objectSchema({
  ids: arraySchema(snowflakeSchema, payloadLimits.bulkDeleteIds),
  channel_id: snowflakeSchema,
  guild_id: snowflakeSchema,
});

/** What `parseMessageDelete` yields. */
export type MessageDeletePayload = z.output<typeof messageDeleteSchema>;
/** What `parseMessageDeleteBulk` yields. */
export type MessageDeleteBulkPayload = z.output<typeof messageDeleteBulkSchema>;

/** Parses a MESSAGE_DELETE dispatch's data. */
export const parseMessageDelete = (data: unknown): ParseResult<MessageDeletePayload> =>
  parsePayload(messageDeleteSchema, data);

/** Parses a MESSAGE_DELETE_BULK dispatch's data. */
export const parseMessageDeleteBulk = (data: unknown): ParseResult<MessageDeleteBulkPayload> =>
  parsePayload(messageDeleteBulkSchema, data);

/** A delete mark, when the bot received it (Discord sends no time). */
export const toMessageDeleteRows = (
  message: MessageDeletePayload,
  receivedAt: Date,
): Pick<IngestRows, 'messageDeletes'> => ({
  messageDeletes: [{ id: message.id, guildId: message.guild_id, deletedAt: receivedAt }],
});

/** A delete mark per message, in the payload's order. */
export const toMessageDeleteBulkRows = (
  bulk: MessageDeleteBulkPayload,
  receivedAt: Date,
): Pick<IngestRows, 'messageDeletes'> => ({
  messageDeletes: bulk.ids.map((id) => ({ id, guildId: bulk.guild_id, deletedAt: receivedAt })),
});
