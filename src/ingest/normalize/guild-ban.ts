import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { objectSchema, snowflakeSchema } from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { toUserRows, userPayloadSchema } from './user-payload.ts';

/**
 * GUILD_BAN_ADD and GUILD_BAN_REMOVE share these fields; who banned comes from the audit log.
 * @see https://discord.com/developers/docs/events/gateway-events#guild-ban-add
 */
const guildBanSchema = objectSchema({
  guild_id: snowflakeSchema,
  user: userPayloadSchema,
});

/** What `parseGuildBan` yields. */
export type GuildBanPayload = z.output<typeof guildBanSchema>;

/** Parses a GUILD_BAN_ADD or GUILD_BAN_REMOVE dispatch's data. */
export const parseGuildBan = (data: unknown): ParseResult<GuildBanPayload> =>
  parsePayload(guildBanSchema, data);

/** The ban or unban, when the bot received it, and the user. */
export const toGuildBanRows = (
  ban: GuildBanPayload,
  action: 'ban' | 'unban',
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'bans'> => ({
  users: toUserRows(ban.user),
  bans: [{ guildId: ban.guild_id, userDiscordId: ban.user.id, action, timestamp: receivedAt }],
});
