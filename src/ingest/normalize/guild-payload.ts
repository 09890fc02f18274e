import type { z } from 'zod';
import type { GuildRow } from '../ingest-rows.ts';
import { arraySchema, objectSchema, snowflakeSchema, stringSchema } from './field-schemas.ts';
import { payloadLimits } from './payload-limits.ts';
import { rolePayloadSchema } from './role-payload.ts';

/**
 * The guild fields GUILD_CREATE and GUILD_UPDATE share.
 * @see https://discord.com/developers/docs/resources/guild#guild-object
 */
export const guildPayloadSchema = objectSchema({
  id: snowflakeSchema,
  name: stringSchema(payloadLimits.guildNameChars),
  icon: stringSchema(payloadLimits.imageHashChars).nullable(),
  owner_id: snowflakeSchema,
  roles: arraySchema(rolePayloadSchema, payloadLimits.roles),
});

/** What `guildPayloadSchema` yields. */
export type GuildPayload = z.output<typeof guildPayloadSchema>;

/** A guild row; `memberCount` only GUILD_CREATE knows. */
export const toGuildRow = (guild: GuildPayload, memberCount: number | null): GuildRow => ({
  id: guild.id,
  name: guild.name,
  icon: guild.icon,
  ownerId: guild.owner_id,
  memberCount,
});
