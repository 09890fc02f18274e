import type { z } from 'zod';
import type { MemberRolesRow, MemberRow, UserRow } from '../ingest-rows.ts';
import {
  arraySchema,
  objectSchema,
  snowflakeSchema,
  stringSchema,
  timestampSchema,
} from './field-schemas.ts';
import { payloadLimits } from './payload-limits.ts';
import { toUserRow, userPayloadSchema } from './user-payload.ts';

/**
 * A guild member with its user; `joined_at` is null for a voice guest.
 * @see https://discord.com/developers/docs/resources/guild#guild-member-object
 */
export const memberPayloadSchema = objectSchema({
  user: userPayloadSchema,
  nick: stringSchema(payloadLimits.nickChars).nullable().optional(),
  roles: arraySchema(snowflakeSchema, payloadLimits.roles),
  joined_at: timestampSchema.nullable(),
});

/** Only the user of a member object, as TYPING_START, reactions and voice states carry it. */
export const memberUserPayloadSchema = objectSchema({ user: userPayloadSchema.optional() });

/** What `memberPayloadSchema` yields. */
export type MemberPayload = z.output<typeof memberPayloadSchema>;

/** The rows of members known to be in the guild at `timestamp`, with their roles as a baseline. */
export interface MemberSnapshotRows {
  users: UserRow[];
  members: MemberRow[];
  memberRoles: MemberRolesRow[];
}

/** Appends one member's rows: they are in the guild, and their roles set the baseline. */
export const appendMemberSnapshot = (
  into: MemberSnapshotRows,
  guildId: string,
  member: MemberPayload,
  timestamp: Date,
): void => {
  const userDiscordId = member.user.id;
  const user = toUserRow(member.user);
  if (user !== undefined) into.users.push(user);
  into.members.push({
    guildId,
    userDiscordId,
    nick: member.nick ?? null,
    joinedAt: member.joined_at,
    leftAt: null,
  });
  into.memberRoles.push({
    guildId,
    userDiscordId,
    roleIds: member.roles,
    timestamp,
    baseline: true,
  });
};

/** The rows of a list of members, each a baseline at `timestamp`. */
export const toMemberSnapshotRows = (
  guildId: string,
  members: readonly MemberPayload[],
  timestamp: Date,
): MemberSnapshotRows => {
  const rows: MemberSnapshotRows = { users: [], members: [], memberRoles: [] };
  for (const member of members) appendMemberSnapshot(rows, guildId, member, timestamp);
  return rows;
};
