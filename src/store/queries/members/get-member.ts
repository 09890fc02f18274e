import type { Queryable } from '../../database.ts';
import { notOptedOutSql } from '../analytics/opted-out-sql.ts';
import { type MemberColumnsRow, memberColumnsSql } from './member-columns-sql.ts';

/** A member with their current roles (ids) and the account's creation time. */
export interface MemberRow extends MemberColumnsRow {
  roleIds: string[] | null;
  /** From the Discord id's snowflake. */
  accountCreatedAt: Date;
}

/**
 * A guild's member (current or former) by Discord id; undefined when they never were one or
 * opted out. The account's age comes from the snowflake: https://discord.com/developers/docs/reference#snowflakes
 */
export const getMember = async (
  db: Queryable,
  guildId: string,
  userId: string,
): Promise<MemberRow | undefined> => {
  const rows = await db.query<MemberRow>(
    `SELECT ${memberColumnsSql}, gm."roleIds",
       to_timestamp(((u."discordId"::bigint >> 22) + 1420070400000) / 1000.0) AS "accountCreatedAt"
     FROM "GuildMember" gm JOIN "User" u ON u.id = gm."userId"
     WHERE gm."guildId" = $1 AND u."discordId" = $2
       AND ${notOptedOutSql('u."discordId"', '$1')}`,
    [guildId, userId],
  );
  return rows[0];
};
