import {
  type ActivityType,
  type GatewayActivity,
  type GatewayPresenceClientStatus,
  type GatewayPresenceUpdateDispatchData,
  type PresenceUpdateReceiveStatus,
  PresenceUpdateStatus,
} from 'discord-api-types/v10';
import type { SimPresence } from '../guild-state.ts';

/** A Discord client platform, as `client_status` keys them. */
export type Platform = 'desktop' | 'mobile' | 'web';

/** The status a presence shows. */
export type PresenceStatus = 'online' | 'idle' | 'dnd' | 'offline';

/** A member's presence at one moment. */
export interface PresenceInput {
  guildId: string;
  userId: string;
  status: PresenceStatus;
  /** Platforms the member is connected on; two or more is a multi-client presence. */
  platforms: readonly Platform[];
  activity?: { type: ActivityType; name: string; details?: string; createdAtMs: number };
}

const STATUSES: Record<PresenceStatus, PresenceUpdateReceiveStatus> = {
  online: PresenceUpdateStatus.Online,
  idle: PresenceUpdateStatus.Idle,
  dnd: PresenceUpdateStatus.DoNotDisturb,
  offline: PresenceUpdateStatus.Offline,
};

const toActivities = (input: PresenceInput): GatewayActivity[] => {
  if (!input.activity || input.status === 'offline') return [];
  const { type, name, details, createdAtMs } = input.activity;
  const activity: GatewayActivity = { id: `${type}:${name}`, name, type, created_at: createdAtMs };
  if (details !== undefined) activity.details = details;
  return [activity];
};

const toClientStatus = (input: PresenceInput): GatewayPresenceClientStatus => {
  if (input.status === 'offline') return {};
  const status = STATUSES[input.status];
  return Object.fromEntries(input.platforms.map((platform) => [platform, status]));
};

/**
 * A PRESENCE_UPDATE: `client_status` has one key per connected platform; offline has none.
 * @see https://discord.com/developers/docs/events/gateway-events#presence-update
 */
export const toPresenceUpdate = (input: PresenceInput): GatewayPresenceUpdateDispatchData => ({
  user: { id: input.userId },
  guild_id: input.guildId,
  status: STATUSES[input.status],
  activities: toActivities(input),
  client_status: toClientStatus(input),
});

/** The same presence as GUILD_CREATE lists it (without `guild_id`). */
export const toGuildPresence = (input: PresenceInput): SimPresence => {
  const { guild_id: _guildId, ...presence } = toPresenceUpdate(input);
  return presence;
};

/** Games and apps the generated activities name. */
export const ACTIVITY_NAMES = [
  'Minecraft',
  'Valorant',
  'Spotify',
  'Visual Studio Code',
  'Elden Ring',
  'Rocket League',
  'Stardew Valley',
  'Factorio',
] as const;
