import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { objectSchema, snowflakeSchema } from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { snowflakeToDate } from './snowflake-to-date.ts';
import { toUserRows, userPayloadSchema } from './user-payload.ts';

/** @see https://discord.com/developers/docs/events/gateway-events#guild-member-remove */
const guildMemberRemoveSchema = objectSchema({
  guild_id: snowflakeSchema,
  user: userPayloadSchema,
});

/** What `parseGuildMemberRemove` yields. */
export type GuildMemberRemovePayload = z.output<typeof guildMemberRemoveSchema>;

/** Parses a GUILD_MEMBER_REMOVE dispatch's data. */
export const parseGuildMemberRemove = (data: unknown): ParseResult<GuildMemberRemovePayload> =>
  parsePayload(guildMemberRemoveSchema, data);

/** The member's leave (left, kicked or banned: Discord does not say), when the bot received it. */
export const toGuildMemberRemoveRows = (
  removal: GuildMemberRemovePayload,
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'members' | 'memberEvents'> => {
  const guildId = removal.guild_id;
  const userDiscordId = removal.user.id;
  return {
    users: toUserRows(removal.user),
    members: [{ guildId, userDiscordId, leftAt: receivedAt }],
    memberEvents: [
      {
        guildId,
        userDiscordId,
        type: 'leave',
        accountCreatedAt: snowflakeToDate(userDiscordId),
        timestamp: receivedAt,
      },
    ],
  };
};
