import type {
  APIBaseVoiceState,
  APIGuildMember,
  APIRole,
  GatewayGuildCreateDispatchData,
  GatewayGuildMembersChunkPresence,
  RoleFlags,
} from 'discord-api-types/v10';

/** A guild channel as GUILD_CREATE carries it (threads excluded). */
export type SimChannel = GatewayGuildCreateDispatchData['channels'][number];

/** A guild presence without its `guild_id`, as GUILD_CREATE and member chunks carry it. */
export type SimPresence = GatewayGuildMembersChunkPresence;

/** A guild given to the simulator: what GUILD_CREATE describes, in Discord's own shapes. */
export interface SimGuild {
  id: string;
  name: string;
  ownerId: string;
  /** Must include `@everyone` (its id is the guild id); one is added when missing. */
  roles: APIRole[];
  /** Members with their `user`; the bot is added when missing. */
  members: APIGuildMember[];
  presences?: SimPresence[];
  channels?: SimChannel[];
  voiceStates?: APIBaseVoiceState[];
  /** When the bot joined (ISO 8601); defaults to the guild's creation time. */
  joinedAt?: string;
}

/** The simulator's live copy of a guild, keyed for the updates dispatches apply. */
export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  joinedAt: string;
  roles: Map<string, APIRole>;
  members: Map<string, APIGuildMember>;
  presences: Map<string, SimPresence>;
  channels: SimChannel[];
  voiceStates: Map<string, APIBaseVoiceState>;
}

/** The `@everyone` role Discord creates with every guild. */
export const toEveryoneRole = (guildId: string, permissions = '0'): APIRole => ({
  id: guildId,
  name: '@everyone',
  color: 0,
  colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
  hoist: false,
  position: 0,
  permissions,
  managed: false,
  mentionable: false,
  flags: 0 as RoleFlags,
});

/** Turns an input guild into the simulator's keyed state; `botMember` joins it when absent. */
export const toGuildState = (guild: SimGuild, botMember: APIGuildMember): GuildState => {
  const roles = new Map(guild.roles.map((role) => [role.id, role]));
  if (!roles.has(guild.id)) roles.set(guild.id, toEveryoneRole(guild.id));
  const members = new Map<string, APIGuildMember>();
  for (const member of guild.members) members.set(member.user.id, member);
  if (!members.has(botMember.user.id)) members.set(botMember.user.id, botMember);
  return {
    id: guild.id,
    name: guild.name,
    ownerId: guild.ownerId,
    joinedAt: guild.joinedAt ?? botMember.joined_at ?? new Date(0).toISOString(),
    roles,
    members,
    presences: new Map((guild.presences ?? []).map((presence) => [presence.user.id, presence])),
    channels: [...(guild.channels ?? [])],
    voiceStates: new Map((guild.voiceStates ?? []).map((state) => [state.user_id, state])),
  };
};
