import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Principal } from './principal.ts';

/** A guild as Discord's `GET /users/@me/guilds` describes it for the user. */
export interface DiscordUserGuild {
  id: string;
  owner: boolean;
  /** Decimal permission bits. */
  permissions: string;
}

const MANAGER_BITS = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild;

/**
 * Whether Discord's data makes the user a manager of the guild: owner, Administrator or
 * Manage Server. @see https://discord.com/developers/docs/topics/permissions
 */
export const canManageGuild = (guild: DiscordUserGuild): boolean => {
  if (guild.owner) return true;
  try {
    return (BigInt(guild.permissions) & MANAGER_BITS) !== 0n;
  } catch {
    return false;
  }
};

/** The guilds worth remembering for a user: only those they may manage. */
export const toManagedGuilds = (guilds: readonly DiscordUserGuild[]): DiscordUserGuild[] =>
  guilds.filter(canManageGuild);

/** Whether the caller sees every guild of the instance. */
export const canSeeAllGuilds = (principal: Principal): boolean => principal.role === 'ADMIN';

/**
 * Whether the caller may read a guild's data: instance ADMIN, a stored managed-guild row
 * (`managed`) from their last login, or the bot's own member and role data (`managedByBotData`).
 */
export const canReadGuild = (
  principal: Principal,
  managed: DiscordUserGuild | undefined,
  managedByBotData = false,
): boolean =>
  canSeeAllGuilds(principal) ||
  managedByBotData ||
  (managed !== undefined && canManageGuild(managed));
