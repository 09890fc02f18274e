import { canReadGuild } from '../../access/guild-access.ts';
import type { Principal } from '../../access/principal.ts';
import { AppError } from '../../errors/app-error.ts';
import { getGuildAccess } from '../../store/access/get-guild-access.ts';
import type { VisibleGuildRow } from '../../store/access/list-visible-guilds.ts';
import type { Orm } from '../../store/database.ts';

/**
 * The guild when the caller may read it; GUILD_NOT_FOUND when it is unknown or not theirs
 * (the same answer, so a guild's existence is not revealed). Every guild route starts here.
 */
export const requireGuild = async (
  orm: Orm,
  principal: Principal,
  guildId: string,
): Promise<VisibleGuildRow> => {
  const access = await getGuildAccess(orm, guildId, principal.userId);
  if (!access || !canReadGuild(principal, access.managed, access.managedByBotData))
    throw new AppError('GUILD_NOT_FOUND');
  return access.guild;
};
