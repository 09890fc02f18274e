import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';

/**
 * The first `limitSql` members of the relation `scored` (with a "userId" column) by
 * `order(alias)`, ties broken by Discord id, members who opted out in the guild `guildSql`
 * left out, each with the member's Discord id, username and display name there (nickname,
 * global name, username). Members are ranked before they are named: only the first
 * `limitSql` (with ties on the score) are joined to User and GuildMember.
 */
export const namedTopSql = (
  scored: string,
  order: (alias: string) => string,
  limitSql: string,
  guildSql: string,
): string => `
      SELECT r.*, u."discordId", u.username,
        COALESCE(gm.nick, u."globalName", u.username) AS "displayName"
      FROM (
        SELECT s.* FROM ${scored} s
        WHERE s."userId" NOT IN ${optedOutUserIdsSql(guildSql)}
        ORDER BY ${order('s')}
        FETCH FIRST ${limitSql} ROWS WITH TIES
      ) r
      JOIN "User" u ON u.id = r."userId"
      LEFT JOIN "GuildMember" gm ON gm."guildId" = ${guildSql} AND gm."userId" = r."userId"
      ORDER BY ${order('r')}, u."discordId"
      LIMIT ${limitSql}`;
