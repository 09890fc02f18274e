import type { z } from 'zod';
import type { IngestRows, MemberRow } from '../ingest-rows.ts';
import { arraySchema, objectSchema, snowflakeSchema, stringSchema } from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';
import { toUserRows, userPayloadSchema } from './user-payload.ts';

/** @see https://discord.com/developers/docs/events/gateway-events#guild-member-update */
const guildMemberUpdateSchema = objectSchema({
  guild_id: snowflakeSchema,
  user: userPayloadSchema,
  nick: stringSchema(payloadLimits.nickChars).nullable().optional(),
  roles: arraySchema(snowflakeSchema, payloadLimits.roles),
});

/** What `parseGuildMemberUpdate` yields. */
export type GuildMemberUpdatePayload = z.output<typeof guildMemberUpdateSchema>;

/** Parses a GUILD_MEMBER_UPDATE dispatch's data. */
export const parseGuildMemberUpdate = (data: unknown): ParseResult<GuildMemberUpdatePayload> =>
  parsePayload(guildMemberUpdateSchema, data);

/**
 * The member's nick (when sent) and full role list, which the writer diffs against the stored
 * list into RoleChange rows; Discord sends no time, so the receive time stands.
 */
export const toGuildMemberUpdateRows = (
  update: GuildMemberUpdatePayload,
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'members' | 'memberRoles'> => {
  const guildId = update.guild_id;
  const userDiscordId = update.user.id;
  const member: MemberRow = { guildId, userDiscordId };
  if (update.nick !== undefined) member.nick = update.nick;
  return {
    users: toUserRows(update.user),
    members: [member],
    memberRoles: [
      { guildId, userDiscordId, roleIds: update.roles, timestamp: receivedAt, baseline: false },
    ],
  };
};
