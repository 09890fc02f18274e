/**
 * A SQL condition that is true when the member whose Discord id is `discordIdSql` has not opted
 * out in the guild `guildIdSql` (nor everywhere). Every analytic query uses it: members who
 * opted out are never counted or shown.
 */
export const notOptedOutSql = (discordIdSql: string, guildIdSql: string): string =>
  `NOT EXISTS (SELECT 1 FROM "OptOut" o WHERE o."discordId" = ${discordIdSql}
     AND (o."guildId" IS NULL OR o."guildId" = ${guildIdSql}))`;
