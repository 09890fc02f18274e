import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { GuildState } from './guild-state.ts';

/** Every permission bit Discord defines, as the owner and administrators hold them. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce(
  (all, bit) => all | bit,
  0n,
);

/**
 * A member's guild-level permissions: the owner and Administrator holders get every bit,
 * everyone else the union of `@everyone` and their roles (channel overwrites ignored, as in
 * `GET /users/@me/guilds`).
 * @see https://discord.com/developers/docs/topics/permissions#permission-overwrites
 */
export const getMemberPermissions = (guild: GuildState, userId: string): bigint => {
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  if (!member) return 0n;
  let permissions = BigInt(guild.roles.get(guild.id)?.permissions ?? '0');
  for (const roleId of member.roles) {
    permissions |= BigInt(guild.roles.get(roleId)?.permissions ?? '0');
  }
  return (permissions & PermissionFlagsBits.Administrator) === 0n ? permissions : ALL_PERMISSIONS;
};
