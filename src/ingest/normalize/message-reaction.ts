import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { objectSchema, snowflakeSchema, stringSchema } from './field-schemas.ts';
import { memberUserPayloadSchema } from './member-payload.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';
import { toUserRows } from './user-payload.ts';

/**
 * A reaction's emoji: `id` null for a unicode emoji; `name` null for a custom emoji Discord
 * no longer knows.
 * @see https://discord.com/developers/docs/resources/emoji#emoji-object
 */
const emojiSchema = objectSchema({
  id: snowflakeSchema.nullable(),
  name: stringSchema(payloadLimits.emojiNameChars).nullable(),
}).refine((emoji) => emoji.id !== null || emoji.name !== null, {
  error: 'expected an id or a name',
});

/**
 * MESSAGE_REACTION_ADD and MESSAGE_REACTION_REMOVE share these fields (`member` comes with adds).
 * @see https://discord.com/developers/docs/events/gateway-events#message-reaction-add
 */
const messageReactionSchema = objectSchema({
  user_id: snowflakeSchema,
  channel_id: snowflakeSchema,
  message_id: snowflakeSchema,
  guild_id: snowflakeSchema,
  emoji: emojiSchema,
  member: memberUserPayloadSchema.optional(),
});

/** What `parseMessageReaction` yields. */
export type MessageReactionPayload = z.output<typeof messageReactionSchema>;

/** Parses a MESSAGE_REACTION_ADD or MESSAGE_REACTION_REMOVE dispatch's data. */
export const parseMessageReaction = (data: unknown): ParseResult<MessageReactionPayload> =>
  parsePayload(messageReactionSchema, data);

/** `👍` for a unicode emoji, `name:id` for a custom one (`:id` when its name is gone). */
export const toEmojiKey = (emoji: MessageReactionPayload['emoji']): string =>
  emoji.id === null ? (emoji.name ?? '') : `${emoji.name ?? ''}:${emoji.id}`;

/** A reaction event at the bot's receive time, and the reacting member's user when present. */
export const toMessageReactionRows = (
  reaction: MessageReactionPayload,
  action: 'added' | 'removed',
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'reactions'> => ({
  users: toUserRows(reaction.member?.user),
  reactions: [
    {
      guildId: reaction.guild_id,
      channelId: reaction.channel_id,
      messageId: reaction.message_id,
      userDiscordId: reaction.user_id,
      emoji: toEmojiKey(reaction.emoji),
      action,
      timestamp: receivedAt,
    },
  ],
});
