import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';

/**
 * The first `limitSql` members of the relation `scored` (with a "userId" column) by
 * `order(alias)`, ties broken by Discord id, members who opted out in the guild `guildSql`
 * left out, each with the member's Discord id, username and display name there (nickname,
 * global name, username). Members are ranked before they are named: only the first
 * `limitSql` (with ties on the score) are joined to User and GuildMember, each looked up by key
 * (LATERAL … LIMIT 1, which the planner cannot turn into a join: the ranked rows' count is
 * estimated from HAVING filters, often as 1, and it then scanned both tables once per ranked
 * member — 50 × 50,000 rows for lurkers on the benchmark dataset). Ties need every tied
 * member's Discord id (from User); the nickname (GuildMember) is read for the listed ones only:
 * a few scores can tie thousands of members (behaviour shifts: 1,770 with score 1).
 */
export const namedTopSql = (
  scored: string,
  order: (alias: string) => string,
  limitSql: string,
  guildSql: string,
): string => `
      SELECT n.*, COALESCE(gm.nick, n."globalName", n.username) AS "displayName"
      FROM (
        SELECT r.*, u."discordId", u.username, u."globalName"
        FROM (
          SELECT s.* FROM ${scored} s
          WHERE s."userId" NOT IN ${optedOutUserIdsSql(guildSql)}
          ORDER BY ${order('s')}
          FETCH FIRST ${limitSql} ROWS WITH TIES
        ) r
        CROSS JOIN LATERAL (
          SELECT x."discordId", x.username, x."globalName" FROM "User" x WHERE x.id = r."userId" LIMIT 1
        ) u
        ORDER BY ${order('r')}, u."discordId"
        LIMIT ${limitSql}
      ) n
      LEFT JOIN LATERAL (
        SELECT g.nick FROM "GuildMember" g WHERE g."guildId" = ${guildSql} AND g."userId" = n."userId"
        LIMIT 1
      ) gm ON true
      ORDER BY ${order('n')}, n."discordId"`;
