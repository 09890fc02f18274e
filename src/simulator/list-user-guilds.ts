import type { RESTAPIPartialCurrentUserGuild } from 'discord-api-types/v10';
import { getMemberPermissions } from './member-permissions.ts';
import type { SimulatorState } from './simulator-state.ts';

/**
 * The guilds `GET /users/@me/guilds` lists for a user: the simulator's guilds where the user is
 * a member (with computed permissions) and the user's extra guilds, sorted by id.
 * @see https://discord.com/developers/docs/resources/user#get-current-user-guilds
 */
export const listUserGuilds = (
  state: SimulatorState,
  userId: string,
): RESTAPIPartialCurrentUserGuild[] => {
  const guilds: RESTAPIPartialCurrentUserGuild[] = [];
  for (const guild of state.guilds.values()) {
    if (!guild.members.has(userId) && guild.ownerId !== userId) continue;
    guilds.push({
      id: guild.id,
      name: guild.name,
      icon: null,
      banner: null,
      owner: guild.ownerId === userId,
      features: [],
      permissions: getMemberPermissions(guild, userId).toString(),
    });
  }
  for (const extra of state.users.get(userId)?.guilds ?? []) {
    if (state.guilds.has(extra.id)) continue;
    guilds.push({
      id: extra.id,
      name: extra.name,
      icon: null,
      banner: null,
      owner: extra.owner ?? false,
      features: [],
      permissions: extra.permissions,
    });
  }
  return guilds.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
};
