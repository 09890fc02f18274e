import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { managedGuilds } from '../schema/auth.ts';
import { guilds } from '../schema/guild.ts';
import { botDataManagerSql } from './bot-data-manager-sql.ts';
import type { VisibleGuildRow } from './list-visible-guilds.ts';

/** A guild the bot is in, with what the user's last login said about it (if anything). */
export interface GuildAccessRow {
  guild: VisibleGuildRow;
  managed: { id: string; owner: boolean; permissions: string } | undefined;
  /** Whether the bot's member and role data show the user as owner or manager. */
  managedByBotData: boolean;
}

/**
 * The guild (unless unknown or left), the user's managed-guild row for it and what the bot's data
 * says of them, in one query.
 */
export const getGuildAccess = async (
  orm: Orm,
  guildId: string,
  userId: string,
): Promise<GuildAccessRow | undefined> => {
  const [row] = await orm
    .select({
      id: guilds.id,
      name: guilds.name,
      icon: guilds.icon,
      memberCount: guilds.memberCount,
      owner: managedGuilds.owner,
      permissions: managedGuilds.permissions,
      managedByBotData: sql<boolean>`${botDataManagerSql(userId)}`,
    })
    .from(guilds)
    .leftJoin(
      managedGuilds,
      and(eq(managedGuilds.guildId, guilds.id), eq(managedGuilds.userId, userId)),
    )
    .where(and(eq(guilds.id, guildId), isNull(guilds.leftAt)));
  if (!row) return undefined;
  const { owner, permissions, managedByBotData, ...guild } = row;
  const managed =
    owner === null || permissions === null ? undefined : { id: guild.id, owner, permissions };
  return { guild, managed, managedByBotData };
};
