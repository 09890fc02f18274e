import { and, asc, eq, exists, isNull, or, sql } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { managedGuilds } from '../schema/auth.ts';
import { guilds } from '../schema/guild.ts';
import { botDataManagerSql } from './bot-data-manager-sql.ts';

/** A guild the bot is in, as the dashboard lists it. */
export interface VisibleGuildRow {
  id: string;
  name: string;
  icon: string | null;
  memberCount: number | null;
}

const columns = {
  id: guilds.id,
  name: guilds.name,
  icon: guilds.icon,
  memberCount: guilds.memberCount,
};

/**
 * The guilds the bot is in that a caller may see: all of them (`userId` undefined, for
 * instance admins) or those the user manages according to their last login or the bot's data.
 */
export const listVisibleGuilds = (
  orm: Orm,
  userId: string | undefined,
  guildId?: string,
): Promise<VisibleGuildRow[]> => {
  const only = guildId === undefined ? undefined : eq(guilds.id, guildId);
  if (userId === undefined) {
    return orm
      .select(columns)
      .from(guilds)
      .where(and(isNull(guilds.leftAt), only))
      .orderBy(asc(guilds.name), asc(guilds.id));
  }
  const managedAtLogin = exists(
    orm
      .select({ one: sql`1` })
      .from(managedGuilds)
      .where(and(eq(managedGuilds.guildId, guilds.id), eq(managedGuilds.userId, userId))),
  );
  return orm
    .select(columns)
    .from(guilds)
    .where(and(isNull(guilds.leftAt), only, or(managedAtLogin, botDataManagerSql(userId))))
    .orderBy(asc(guilds.name), asc(guilds.id));
};
