import { z } from 'zod';
import type { IngestRows, VoiceStateRow } from '../ingest-rows.ts';
import { arraySchema, integerSchema, objectSchema, snowflakeSchema } from './field-schemas.ts';
import { guildPayloadSchema, toGuildRow } from './guild-payload.ts';
import { memberPayloadSchema, toMemberSnapshotRows } from './member-payload.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';
import { appendPresenceUsers, presencePayloadSchema, toPresenceRow } from './presence-update.ts';
import { toRoleRow } from './role-payload.ts';

/** A voice state listed in GUILD_CREATE (without `guild_id`). */
const voiceStateSchema = objectSchema({
  user_id: snowflakeSchema,
  channel_id: snowflakeSchema.nullable(),
});

/**
 * GUILD_CREATE's extra fields: the member count and snapshots of members, presences and voice.
 * @see https://discord.com/developers/docs/events/gateway-events#guild-create
 */
const availableGuildSchema = guildPayloadSchema.extend({
  member_count: integerSchema(0, 1_000_000_000),
  members: arraySchema(memberPayloadSchema, payloadLimits.members),
  presences: arraySchema(presencePayloadSchema, payloadLimits.members).optional(),
  voice_states: arraySchema(voiceStateSchema, payloadLimits.members).optional(),
});

/** During an outage Discord sends only the id and `unavailable: true`. */
const unavailableGuildSchema = objectSchema({ id: snowflakeSchema, unavailable: z.literal(true) });

/** What `parseGuildCreate` yields. */
export type GuildCreatePayload =
  | z.output<typeof availableGuildSchema>
  | z.output<typeof unavailableGuildSchema>;

const isUnavailable = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && 'unavailable' in data && data.unavailable === true;

/** Parses a GUILD_CREATE dispatch's data. */
export const parseGuildCreate = (data: unknown): ParseResult<GuildCreatePayload> =>
  isUnavailable(data)
    ? parsePayload(unavailableGuildSchema, data)
    : parsePayload(availableGuildSchema, data);

/**
 * The guild, its roles, and snapshots (members with baseline roles, presences, voice) as of
 * when the bot received it; `undefined` for an unavailable guild, which says nothing new.
 */
export const toGuildCreateRows = (
  guild: GuildCreatePayload,
  receivedAt: Date,
): Partial<IngestRows> | undefined => {
  if ('unavailable' in guild) return undefined;
  const snapshot = toMemberSnapshotRows(guild.id, guild.members, receivedAt);
  const presences = guild.presences ?? [];
  appendPresenceUsers(snapshot.users, presences);
  return {
    guilds: [toGuildRow(guild, guild.member_count)],
    roles: guild.roles.map((role) => toRoleRow(guild.id, role)),
    ...snapshot,
    presences: presences.map((presence) => toPresenceRow(guild.id, presence, receivedAt)),
    voiceStates: (guild.voice_states ?? []).map(
      (state): VoiceStateRow => ({
        guildId: guild.id,
        userDiscordId: state.user_id,
        channelId: state.channel_id,
        timestamp: receivedAt,
      }),
    ),
  };
};
