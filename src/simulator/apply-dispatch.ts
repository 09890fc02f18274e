import {
  type APIBaseVoiceState,
  type APIGuildMember,
  GatewayDispatchEvents,
} from 'discord-api-types/v10';
import type { GuildState, SimPresence } from './guild-state.ts';

type PlainObject = Record<string, unknown>;

const isObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const getUserId = (data: PlainObject): string | undefined => {
  if (typeof data.user_id === 'string') return data.user_id;
  const user = data.user;
  return isObject(user) && typeof user.id === 'string' ? user.id : undefined;
};

/**
 * Keeps the simulator's copy of a guild in step with what it dispatches, so that a later
 * GUILD_CREATE or member chunk agrees with the events already sent. Payloads are pushed as
 * given (tests send malformed ones on purpose), so anything that does not look right is
 * left alone rather than trusted.
 */
export const applyDispatch = (guild: GuildState, event: string, data: unknown): void => {
  if (!isObject(data)) return;
  const userId = getUserId(data);
  if (userId === undefined) return;
  switch (event) {
    case GatewayDispatchEvents.GuildMemberAdd: {
      const { guild_id: _guildId, ...member } = data;
      guild.members.set(userId, member as unknown as APIGuildMember);
      return;
    }
    case GatewayDispatchEvents.GuildMemberUpdate: {
      const { guild_id: _guildId, ...changes } = data;
      const current = guild.members.get(userId);
      if (current)
        guild.members.set(userId, { ...current, ...(changes as Partial<APIGuildMember>) });
      return;
    }
    case GatewayDispatchEvents.GuildMemberRemove:
      guild.members.delete(userId);
      guild.presences.delete(userId);
      guild.voiceStates.delete(userId);
      return;
    case GatewayDispatchEvents.PresenceUpdate: {
      const { guild_id: _guildId, ...presence } = data;
      guild.presences.set(userId, presence as unknown as SimPresence);
      return;
    }
    case GatewayDispatchEvents.VoiceStateUpdate:
      if (data.channel_id === null) guild.voiceStates.delete(userId);
      else guild.voiceStates.set(userId, data as unknown as APIBaseVoiceState);
      return;
    default:
      return;
  }
};
