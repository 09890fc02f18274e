import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { booleanSchema, objectSchema, snowflakeSchema } from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';

/**
 * `unavailable: true` means an outage; without it the bot was removed from the guild.
 * @see https://discord.com/developers/docs/events/gateway-events#guild-delete
 */
const guildDeleteSchema = objectSchema({
  id: snowflakeSchema,
  unavailable: booleanSchema.optional(),
});

/** What `parseGuildDelete` yields. */
export type GuildDeletePayload = z.output<typeof guildDeleteSchema>;

/** Parses a GUILD_DELETE dispatch's data. */
export const parseGuildDelete = (data: unknown): ParseResult<GuildDeletePayload> =>
  parsePayload(guildDeleteSchema, data);

/** A guild leave, or `undefined` for an outage: the guild comes back with a GUILD_CREATE. */
export const toGuildDeleteRows = (
  guild: GuildDeletePayload,
  receivedAt: Date,
): Pick<IngestRows, 'guildLeaves'> | undefined =>
  guild.unavailable === true ? undefined : { guildLeaves: [{ guildId: guild.id, at: receivedAt }] };
