import { AuditLogEvent } from 'discord-api-types/v10';
import { z } from 'zod';
import type { AuditActorRow, IngestRows } from '../ingest-rows.ts';
import {
  arraySchema,
  integerSchema,
  objectSchema,
  snowflakeSchema,
  stringSchema,
} from './field-schemas.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { payloadLimits } from './payload-limits.ts';
import { snowflakeToDate } from './snowflake-to-date.ts';

const changedRolesSchema = arraySchema(objectSchema({ id: snowflakeSchema }), payloadLimits.roles);

/**
 * A change, read down to the role ids of `$add` / `$remove` (the roles a MEMBER_ROLE_UPDATE
 * added or removed); other keys yield none.
 * @see https://discord.com/developers/docs/resources/audit-log#audit-log-change-object
 */
const changeSchema = objectSchema({
  key: stringSchema(payloadLimits.auditChangeKeyChars),
  new_value: z.unknown().optional(),
}).transform((change, context): string[] => {
  if (change.key !== '$add' && change.key !== '$remove') return [];
  const roles = changedRolesSchema.safeParse(change.new_value);
  if (roles.success) return roles.data.map((role) => role.id);
  for (const issue of roles.error.issues) {
    const path = ['new_value', ...issue.path];
    context.issues.push({ code: 'custom', message: issue.message, path, input: change.new_value });
  }
  return z.NEVER;
});

/** @see https://discord.com/developers/docs/events/gateway-events#guild-audit-log-entry-create */
const auditLogEntrySchema = objectSchema({
  id: snowflakeSchema,
  guild_id: snowflakeSchema,
  action_type: integerSchema(0, 1_000_000),
  user_id: snowflakeSchema.nullable(),
  target_id: snowflakeSchema.nullable(),
  changes: arraySchema(changeSchema, payloadLimits.auditChanges).optional(),
  reason: stringSchema(payloadLimits.auditReasonChars).optional(),
});

/** What `parseGuildAuditLogEntryCreate` yields. */
export type AuditLogEntryPayload = z.output<typeof auditLogEntrySchema>;

/** Parses a GUILD_AUDIT_LOG_ENTRY_CREATE dispatch's data. */
export const parseGuildAuditLogEntryCreate = (data: unknown): ParseResult<AuditLogEntryPayload> =>
  parsePayload(auditLogEntrySchema, data);

/** @see https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object-audit-log-events */
const kinds: ReadonlyMap<number, AuditActorRow['kind']> = new Map([
  [AuditLogEvent.MemberRoleUpdate, 'role'],
  [AuditLogEvent.MemberBanAdd, 'ban'],
  [AuditLogEvent.MemberBanRemove, 'unban'],
]);

/**
 * Who changed a member's roles, banned or unbanned them, timed by the entry's own snowflake;
 * `undefined` for other actions, and when Discord does not name the actor or the target.
 */
export const toGuildAuditLogEntryCreateRows = (
  entry: AuditLogEntryPayload,
): Pick<IngestRows, 'auditActors'> | undefined => {
  const kind = kinds.get(entry.action_type);
  if (kind === undefined || entry.user_id === null || entry.target_id === null) return undefined;
  const roleIds = kind === 'role' ? [...new Set((entry.changes ?? []).flat())] : [];
  return {
    auditActors: [
      {
        guildId: entry.guild_id,
        kind,
        targetDiscordId: entry.target_id,
        actorDiscordId: entry.user_id,
        roleIds,
        reason: entry.reason ?? null,
        timestamp: snowflakeToDate(entry.id),
      },
    ],
  };
};
