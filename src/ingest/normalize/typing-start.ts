import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { objectSchema, snowflakeSchema } from './field-schemas.ts';
import { memberUserPayloadSchema } from './member-payload.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { toUserRows } from './user-payload.ts';

/**
 * Discord's own `timestamp` is in whole seconds, too coarse for reaction latency, so it is
 * not read.
 * @see https://discord.com/developers/docs/events/gateway-events#typing-start
 */
const typingStartSchema = objectSchema({
  channel_id: snowflakeSchema,
  guild_id: snowflakeSchema,
  user_id: snowflakeSchema,
  member: memberUserPayloadSchema.optional(),
});

/** What `parseTypingStart` yields. */
export type TypingStartPayload = z.output<typeof typingStartSchema>;

/** Parses a TYPING_START dispatch's data. */
export const parseTypingStart = (data: unknown): ParseResult<TypingStartPayload> =>
  parsePayload(typingStartSchema, data);

/** A typing event at the bot's receive time, and the member's user when the payload has it. */
export const toTypingStartRows = (
  typing: TypingStartPayload,
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'typing'> => ({
  users: toUserRows(typing.member?.user),
  typing: [
    {
      guildId: typing.guild_id,
      channelId: typing.channel_id,
      userDiscordId: typing.user_id,
      timestamp: receivedAt,
    },
  ],
});
