/**
 * The first `limitSql` rows of the relation `ranked` (with a "userId" column) by `orderSql`
 * (over its alias `r`), ties broken by Discord id, each with the member's Discord id, username
 * and display name in the guild `guildSql` (nickname, global name, username).
 */
export const namedTopSql = (
  ranked: string,
  orderSql: string,
  limitSql: string,
  guildSql: string,
): string => `
      SELECT r.*, u."discordId", u.username,
        COALESCE(gm.nick, u."globalName", u.username) AS "displayName"
      FROM ${ranked} r
      JOIN "User" u ON u.id = r."userId"
      LEFT JOIN "GuildMember" gm ON gm."guildId" = ${guildSql} AND gm."userId" = r."userId"
      ORDER BY ${orderSql}, u."discordId"
      LIMIT ${limitSql}`;
