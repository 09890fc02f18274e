import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { arraySchema, objectSchema, snowflakeSchema } from './field-schemas.ts';
import { memberPayloadSchema, toMemberSnapshotRows } from './member-payload.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';
import { appendPresenceUsers, presencePayloadSchema, toPresenceRow } from './presence-update.ts';

/**
 * A chunk of the member list the bot requested (op 8) because GUILD_CREATE of a large guild
 * lists only some members.
 * @see https://discord.com/developers/docs/events/gateway-events#guild-members-chunk
 */
const guildMembersChunkSchema = objectSchema({
  guild_id: snowflakeSchema,
  members: arraySchema(memberPayloadSchema, payloadLimits.members),
  presences: arraySchema(presencePayloadSchema, payloadLimits.members).optional(),
});

/** What `parseGuildMembersChunk` yields. */
export type GuildMembersChunkPayload = z.output<typeof guildMembersChunkSchema>;

/** Parses a GUILD_MEMBERS_CHUNK dispatch's data. */
export const parseGuildMembersChunk = (data: unknown): ParseResult<GuildMembersChunkPayload> =>
  parsePayload(guildMembersChunkSchema, data);

/** Like GUILD_CREATE's member list: members in the guild, their roles a baseline. */
export const toGuildMembersChunkRows = (
  chunk: GuildMembersChunkPayload,
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'members' | 'memberRoles' | 'presences'> => {
  const snapshot = toMemberSnapshotRows(chunk.guild_id, chunk.members, receivedAt);
  const presences = chunk.presences ?? [];
  appendPresenceUsers(snapshot.users, presences);
  return {
    ...snapshot,
    presences: presences.map((presence) => toPresenceRow(chunk.guild_id, presence, receivedAt)),
  };
};
