import type { z } from 'zod';
import type { IngestRows } from '../ingest-rows.ts';
import { snowflakeSchema } from './field-schemas.ts';
import {
  appendMemberSnapshot,
  type MemberSnapshotRows,
  memberPayloadSchema,
} from './member-payload.ts';
import { type ParseResult, parsePayload } from './parse-payload.ts';
import { snowflakeToDate } from './snowflake-to-date.ts';

/** @see https://discord.com/developers/docs/events/gateway-events#guild-member-add */
const guildMemberAddSchema = memberPayloadSchema.extend({ guild_id: snowflakeSchema });

/** What `parseGuildMemberAdd` yields. */
export type GuildMemberAddPayload = z.output<typeof guildMemberAddSchema>;

/** Parses a GUILD_MEMBER_ADD dispatch's data. */
export const parseGuildMemberAdd = (data: unknown): ParseResult<GuildMemberAddPayload> =>
  parsePayload(guildMemberAddSchema, data);

/**
 * The member (in, with their roles at join as a baseline) and a join event with the account's
 * age, read from the user id; timed by `joined_at`, or the receive time for a voice guest.
 */
export const toGuildMemberAddRows = (
  member: GuildMemberAddPayload,
  receivedAt: Date,
): Pick<IngestRows, 'users' | 'members' | 'memberRoles' | 'memberEvents'> => {
  const joinedAt = member.joined_at ?? receivedAt;
  const rows: MemberSnapshotRows = { users: [], members: [], memberRoles: [] };
  appendMemberSnapshot(rows, member.guild_id, member, joinedAt);
  return {
    ...rows,
    memberEvents: [
      {
        guildId: member.guild_id,
        userDiscordId: member.user.id,
        type: 'join',
        accountCreatedAt: snowflakeToDate(member.user.id),
        timestamp: joinedAt,
      },
    ],
  };
};
