import type { IngestRows } from '../ingest-rows.ts';
import { type GuildPayload, guildPayloadSchema, toGuildRow } from './guild-payload.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { toRoleRow } from './role-payload.ts';

/**
 * Parses a GUILD_UPDATE dispatch's data: a guild object without GUILD_CREATE's extras.
 * @see https://discord.com/developers/docs/events/gateway-events#guild-update
 */
export const parseGuildUpdate = (data: unknown): ParseResult<GuildPayload> =>
  parsePayload(guildPayloadSchema, data);

/** The guild (its member count unknown here) and its roles. */
export const toGuildUpdateRows = (guild: GuildPayload): Pick<IngestRows, 'guilds' | 'roles'> => ({
  guilds: [toGuildRow(guild, null)],
  roles: guild.roles.map((role) => toRoleRow(guild.id, role)),
});
