import {
  type APIGuildMember,
  type APIRole,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  PermissionFlagsBits,
  type RoleFlags,
} from 'discord-api-types/v10';
import type { SimChannel, SimGuild } from '../guild-state.ts';
import { DISCORD_EPOCH_MS, toSnowflake } from '../snowflake.ts';
import { type Platform, type PresenceStatus, toGuildPresence } from './presence-payloads.ts';
import type { SeededRandom } from './seeded-random.ts';
import { createUserFactory, toMember, type UserFactory } from './user-factory.ts';

/** How a scenario member behaves. */
export type Behaviour =
  | 'owner'
  | 'moderator'
  | 'regular'
  | 'multiClient'
  | 'ghost'
  | 'lurker'
  | 'troublemaker';

/** How many members of each behaviour the guild starts with. */
export interface CastSize {
  moderators: number;
  regulars: number;
  multiClient: number;
  ghosts: number;
  lurkers: number;
  /** Members who post a little, then get banned. */
  troublemakers: number;
}

/** A member and the behaviour the scenario plays for them. */
export interface CastMember {
  member: APIGuildMember;
  behaviour: Behaviour;
}

/** The roles of a scenario guild, by purpose. */
export interface ScenarioRoles {
  everyone: APIRole;
  admin: APIRole;
  manager: APIRole;
  moderator: APIRole;
  verified: APIRole;
}

/** A generated guild plus what the generators need to know about it. */
export interface ScenarioGuild {
  guild: SimGuild;
  bot: APIUser;
  roles: ScenarioRoles;
  textChannelIds: string[];
  voiceChannelIds: string[];
  cast: CastMember[];
  users: UserFactory;
}

const YEAR_MS = 365 * 86_400_000;

const toRole = (id: string, name: string, position: number, permissions: bigint): APIRole => ({
  id,
  name,
  color: 0,
  colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
  hoist: position > 2,
  position,
  permissions: permissions.toString(),
  managed: false,
  mentionable: false,
  flags: 0 as RoleFlags,
});

const P = PermissionFlagsBits;
const EVERYONE =
  P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.AddReactions | P.Connect | P.Speak;

const buildRoles = (guildId: string, startMs: number): ScenarioRoles => ({
  everyone: toRole(guildId, '@everyone', 0, EVERYONE),
  verified: toRole(toSnowflake(startMs - YEAR_MS, 1), 'Verified', 1, 0n),
  moderator: toRole(
    toSnowflake(startMs - YEAR_MS, 2),
    'Moderator',
    2,
    P.BanMembers | P.KickMembers | P.ManageMessages,
  ),
  manager: toRole(
    toSnowflake(startMs - YEAR_MS, 3),
    'Server Manager',
    3,
    P.ManageGuild | P.ManageRoles,
  ),
  admin: toRole(toSnowflake(startMs - YEAR_MS, 4), 'Admin', 4, P.Administrator),
});

const buildChannels = (guildId: string, startMs: number) => {
  const at = startMs - 2 * YEAR_MS;
  const text = ['general', 'memes', 'gaming', 'help'].map(
    (name, index): SimChannel => ({
      id: toSnowflake(at, 10 + index),
      type: ChannelType.GuildText,
      guild_id: guildId,
      name,
      position: index,
      parent_id: null,
      topic: null,
      nsfw: false,
      permission_overwrites: [],
      rate_limit_per_user: 0,
      last_message_id: null,
      flags: 0 as ChannelFlags,
    }),
  );
  const voice = ['Lounge', 'Gaming'].map(
    (name, index): SimChannel => ({
      id: toSnowflake(at, 20 + index),
      type: ChannelType.GuildVoice,
      guild_id: guildId,
      name,
      position: index,
      parent_id: null,
      nsfw: false,
      permission_overwrites: [],
      bitrate: 64_000,
      user_limit: 0,
      rtc_region: null,
      rate_limit_per_user: 0,
      last_message_id: null,
      flags: 0 as ChannelFlags,
    }),
  );
  return { text, voice };
};

const initialPresence = (behaviour: Behaviour, random: SeededRandom) => {
  const platforms: Platform[] =
    behaviour === 'multiClient'
      ? ['desktop', 'mobile']
      : [random.pick(['desktop', 'mobile', 'web'] as const)];
  const status: PresenceStatus =
    behaviour === 'regular'
      ? random.pick(['online', 'online', 'idle', 'offline'] as const)
      : 'online';
  return { platforms, status };
};

/** Builds the scenario guild: roles, channels, and a cast whose accounts are 1–8 years old. */
export const buildScenarioGuild = (input: {
  random: SeededRandom;
  startMs: number;
  cast: CastSize;
  name?: string;
}): ScenarioGuild => {
  const { random, startMs } = input;
  const users = createUserFactory(random.fork('users'));
  const guildId = toSnowflake(startMs - 3 * YEAR_MS, 0);
  const roles = buildRoles(guildId, startMs);
  const channels = buildChannels(guildId, startMs);
  const accountAt = () =>
    Math.max(
      DISCORD_EPOCH_MS + 86_400_000,
      startMs - random.int(1, 8) * YEAR_MS - random.int(0, 300) * 86_400_000,
    );
  const joinedAt = () => startMs - random.int(30, 700) * 86_400_000;
  const ownerUser = users.createUser(startMs - 6 * YEAR_MS);
  const cast: CastMember[] = [
    { behaviour: 'owner', member: toMember(ownerUser, startMs - 3 * YEAR_MS, [roles.admin.id]) },
  ];
  const plan: [Behaviour, number][] = [
    ['moderator', input.cast.moderators],
    ['regular', input.cast.regulars],
    ['multiClient', input.cast.multiClient],
    ['ghost', input.cast.ghosts],
    ['lurker', input.cast.lurkers],
    ['troublemaker', input.cast.troublemakers],
  ];
  for (const [behaviour, count] of plan) {
    for (let index = 0; index < count; index += 1) {
      const moderator = behaviour === 'moderator';
      const verified = !moderator && random.chance(0.4);
      const roleIds = moderator ? [roles.moderator.id] : verified ? [roles.verified.id] : [];
      cast.push({
        behaviour,
        member: toMember(users.createUser(accountAt()), joinedAt(), roleIds),
      });
    }
  }
  const presences = cast.map(({ member, behaviour }) =>
    toGuildPresence({ guildId, userId: member.user.id, ...initialPresence(behaviour, random) }),
  );
  const bot = users.createUser(startMs - 2 * YEAR_MS, { bot: true });
  const guild: SimGuild = {
    id: guildId,
    name: input.name ?? 'Spywatcher Demo',
    ownerId: ownerUser.id,
    roles: Object.values(roles),
    members: cast.map(({ member }) => member),
    presences,
    channels: [...channels.text, ...channels.voice],
    joinedAt: new Date(startMs - 200 * 86_400_000).toISOString(),
  };
  return {
    guild,
    bot,
    roles,
    textChannelIds: channels.text.map((channel) => channel.id),
    voiceChannelIds: channels.voice.map((channel) => channel.id),
    cast,
    users,
  };
};
