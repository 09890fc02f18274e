import { notOptedOutSql } from './opted-out-sql.ts';

/**
 * A subquery of the internal ids of the users who opted out in the guild `guildIdSql` (or
 * everywhere), for `e."userId" NOT IN (…)`. It reads only OptOut's few rows, so an event scan
 * tests each row against a small hash instead of probing OptOut once per event.
 */
export const optedOutUserIdsSql = (guildIdSql: string): string =>
  `(SELECT x.id FROM "OptOut" y JOIN "User" x ON x."discordId" = y."discordId"
    WHERE NOT ${notOptedOutSql('x."discordId"', guildIdSql)})`;
