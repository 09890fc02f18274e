import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { objectSchema, snowflakeSchema } from './field-schemas.ts';
import { memberUserPayloadSchema } from './member-payload.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { toUserRows } from './user-payload.ts';

/**
 * `channel_id` null means the member left voice.
 * @see https://discord.com/developers/docs/resources/voice#voice-state-object
 */
const voiceStateUpdateSchema = objectSchema({
  guild_id: snowflakeSchema,
  channel_id: snowflakeSchema.nullable(),
  user_id: snowflakeSchema,
  member: memberUserPayloadSchema.optional(),
});

/** What `parseVoiceStateUpdate` yields. */
export type VoiceStateUpdatePayload = z.output<typeof voiceStateUpdateSchema>;

/** Parses a VOICE_STATE_UPDATE dispatch's data. */
export const parseVoiceStateUpdate = (data: unknown): ParseResult<VoiceStateUpdatePayload> =>
  parsePayload(voiceStateUpdateSchema, data);

/** The member's voice state at the bot's receive time, and their user when present. */
export const toVoiceStateUpdateRows = (
  state: VoiceStateUpdatePayload,
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'voiceStates'> => ({
  users: toUserRows(state.member?.user),
  voiceStates: [
    {
      guildId: state.guild_id,
      userDiscordId: state.user_id,
      channelId: state.channel_id,
      timestamp: receivedAt,
    },
  ],
});
