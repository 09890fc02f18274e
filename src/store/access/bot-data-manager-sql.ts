import { PermissionFlagsBits } from 'discord-api-types/v10';
import { type SQL, sql } from 'drizzle-orm';

/** Administrator | Manage Server: the bits that make a member one of a guild's managers. */
const MANAGER_BITS = (
  PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild
).toString();

/**
 * In a query over "Guild", whether the bot's own data shows that user `userId` manages the
 * guild: they own it, or a role they hold now (or @everyone, whose id is the
 * guild's) grants Administrator or Manage Server. Fresher than the OAuth list of the last
 * login: a role given or taken on Discord counts at the next request.
 */
export const botDataManagerSql = (userId: string): SQL => sql`(
  EXISTS (
    SELECT 1 FROM "Guild" g JOIN "User" u ON u."discordId" = g."ownerId"
    WHERE g.id = "Guild".id AND u.id = ${userId}
  )
  OR EXISTS (
    SELECT 1 FROM "GuildMember" m
    JOIN "GuildRole" r ON r."guildId" = m."guildId"
      AND (r.id = ANY (m."roleIds") OR r.id = m."guildId")
    WHERE m."guildId" = "Guild".id AND m."userId" = ${userId} AND m."leftAt" IS NULL
      AND r."deletedAt" IS NULL
      AND (CASE WHEN r.permissions ~ '^[0-9]{1,18}$' THEN r.permissions::bigint ELSE 0 END
        & ${MANAGER_BITS}::bigint) <> 0
  )
)`;
