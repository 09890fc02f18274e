import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { objectSchema, snowflakeSchema } from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { rolePayloadSchema, toRoleRow } from './role-payload.ts';

/** @see https://discord.com/developers/docs/events/gateway-events#guild-role-create */
const guildRoleModifySchema = objectSchema({
  guild_id: snowflakeSchema,
  role: rolePayloadSchema,
});

/** @see https://discord.com/developers/docs/events/gateway-events#guild-role-delete */
const guildRoleDeleteSchema = objectSchema({
  guild_id: snowflakeSchema,
  role_id: snowflakeSchema,
});

/** What `parseGuildRoleModify` yields. */
export type GuildRoleModifyPayload = z.output<typeof guildRoleModifySchema>;
/** What `parseGuildRoleDelete` yields. */
export type GuildRoleDeletePayload = z.output<typeof guildRoleDeleteSchema>;

/** Parses a GUILD_ROLE_CREATE or GUILD_ROLE_UPDATE dispatch's data. */
export const parseGuildRoleModify = (data: unknown): ParseResult<GuildRoleModifyPayload> =>
  parsePayload(guildRoleModifySchema, data);

/** Parses a GUILD_ROLE_DELETE dispatch's data. */
export const parseGuildRoleDelete = (data: unknown): ParseResult<GuildRoleDeletePayload> =>
  parsePayload(guildRoleDeleteSchema, data);

/** The created or updated role. */
export const toGuildRoleModifyRows = (
  payload: GuildRoleModifyPayload,
): Pick<IngestRows, 'roles'> => ({ roles: [toRoleRow(payload.guild_id, payload.role)] });

/** The role's deletion, when the bot received it. */
export const toGuildRoleDeleteRows = (
  payload: GuildRoleDeletePayload,
  receivedAt: Date,
): Pick<IngestRows, 'roleDeletes'> => ({
  roleDeletes: [{ id: payload.role_id, guildId: payload.guild_id, at: receivedAt }],
});
