import type { z } from 'zod';
import type { RoleRow } from '../ingest-rows.ts';
import {
  booleanSchema,
  integerSchema,
  objectSchema,
  snowflakeSchema,
  stringSchema,
} from './field-schemas.ts';
import { payloadLimits } from './payload-limits.ts';

/**
 * A role, with the fields the role-drift analytic needs.
 * @see https://discord.com/developers/docs/topics/permissions#role-object
 */
export const rolePayloadSchema = objectSchema({
  id: snowflakeSchema,
  name: stringSchema(payloadLimits.roleNameChars),
  /** Discord sends the bitfield as a decimal string because it outgrows 53 bits. */
  permissions: stringSchema(payloadLimits.permissionDigits).regex(/^\d+$/, {
    error: 'expected a decimal permission bitfield',
  }),
  position: integerSchema(-1_000_000, 1_000_000),
  managed: booleanSchema,
});

/** What `rolePayloadSchema` yields. */
export type RolePayload = z.output<typeof rolePayloadSchema>;

/** A role row of `guildId`. */
export const toRoleRow = (guildId: string, role: RolePayload): RoleRow => ({
  id: role.id,
  guildId,
  name: role.name,
  permissions: role.permissions,
  position: role.position,
  managed: role.managed,
});
