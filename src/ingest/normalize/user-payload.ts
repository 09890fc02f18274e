import type { z } from 'zod';
import type { UserRow } from '../ingest-rows.ts';
import { booleanSchema, objectSchema, snowflakeSchema, stringSchema } from './field-schemas.ts';
import { payloadLimits } from './payload-limits.ts';

/**
 * A user object; only `id` is required because presences carry partial users.
 * @see https://discord.com/developers/docs/resources/user#user-object
 */
export const userPayloadSchema = objectSchema({
  id: snowflakeSchema,
  username: stringSchema(payloadLimits.userNameChars).optional(),
  discriminator: stringSchema(payloadLimits.discriminatorChars).optional(),
  global_name: stringSchema(payloadLimits.userNameChars).nullable().optional(),
  avatar: stringSchema(payloadLimits.imageHashChars).nullable().optional(),
  bot: booleanSchema.optional(),
});

/** What `userPayloadSchema` yields. */
export type UserPayload = z.output<typeof userPayloadSchema>;

/**
 * A user row from a full user object; `undefined` for a partial one (no username), so a
 * presence's bare `{ id }` never overwrites what is stored. Discord omits `bot` for humans.
 */
export const toUserRow = (user: UserPayload): UserRow | undefined => {
  if (user.username === undefined) return undefined;
  return {
    discordId: user.id,
    username: user.username,
    discriminator: user.discriminator ?? null,
    globalName: user.global_name ?? null,
    avatar: user.avatar ?? null,
    isBot: user.bot ?? false,
  };
};

/** `[row]` for a full user, `[]` for a partial or absent one. */
export const toUserRows = (user: UserPayload | undefined): UserRow[] => {
  const row = user === undefined ? undefined : toUserRow(user);
  return row === undefined ? [] : [row];
};
