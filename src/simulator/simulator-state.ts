import {
  type APIGuildMember,
  type APIUser,
  GatewayIntentBits,
  type GuildMemberFlags,
} from 'discord-api-types/v10';
import { type GuildState, type SimGuild, toGuildState } from './guild-state.ts';
import { toSnowflake } from './snowflake.ts';

/** A guild in a user's own guild list that the bot is not in (shown by `/users/@me/guilds`). */
export interface SimUserGuild {
  id: string;
  name: string;
  owner?: boolean;
  /** Decimal permission bits, as Discord sends them. */
  permissions: string;
}

/** A user who can log in through the simulated OAuth2 consent. */
export interface SimUser {
  user: APIUser;
  /** Guilds beyond the simulator's own, where the user is a member. */
  guilds?: SimUserGuild[];
}

/** The Discord application behind the bot: OAuth2 client and privileged-intent switches. */
export interface SimApplication {
  clientId: string;
  clientSecret: string;
  /** Accepted `redirect_uri`s; undefined accepts any. */
  redirectUris: readonly string[] | undefined;
  /** The privileged intents switched on in the (simulated) developer portal. */
  privilegedIntents: number;
}

/** Everything the simulator knows: bot, application, guilds and users. */
export interface SimulatorState {
  bot: APIUser;
  botToken: string;
  application: SimApplication;
  guilds: Map<string, GuildState>;
  users: Map<string, SimUser>;
  loggedInUserId: string | undefined;
}

/** Options for {@link createSimulatorState}; every field has a default. */
export interface SimulatorStateOptions {
  bot?: APIUser;
  botToken?: string;
  application?: Partial<SimApplication>;
  guilds?: readonly SimGuild[];
  users?: readonly SimUser[];
  loggedInUserId?: string;
  nowMs: number;
}

/** GuildMembers, GuildPresences and MessageContent: the intents that need the portal switch. */
export const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers |
  GatewayIntentBits.GuildPresences |
  GatewayIntentBits.MessageContent;

const defaultBot = (): APIUser => ({
  id: toSnowflake(Date.UTC(2020, 0, 1), 1),
  username: 'spywatcher-sim',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
});

/** A token of Discord's shape (base64 user id, timestamp part, HMAC part) for the bot. */
export const toBotToken = (botId: string): string =>
  `${Buffer.from(botId).toString('base64url')}.GSimUL.${'s'.repeat(27)}`;

/** The bot's own member object in a guild it joined at `joinedAt`. */
export const toBotMember = (bot: APIUser, joinedAt: string): APIGuildMember => ({
  user: bot,
  roles: [],
  joined_at: joinedAt,
  deaf: false,
  mute: false,
  flags: 0 as GuildMemberFlags,
});

/** Builds the simulator's state from its options, filling defaults and adding the bot to guilds. */
export const createSimulatorState = (options: SimulatorStateOptions): SimulatorState => {
  const bot = options.bot ?? defaultBot();
  const joinedAt = new Date(options.nowMs).toISOString();
  const guilds = new Map<string, GuildState>();
  for (const guild of options.guilds ?? []) {
    guilds.set(guild.id, toGuildState(guild, toBotMember(bot, guild.joinedAt ?? joinedAt)));
  }
  const users = new Map((options.users ?? []).map((entry) => [entry.user.id, entry]));
  const firstOwner = guilds.values().next().value?.ownerId;
  return {
    bot,
    botToken: options.botToken ?? toBotToken(bot.id),
    application: {
      clientId: options.application?.clientId ?? bot.id,
      clientSecret: options.application?.clientSecret ?? 'sim-client-secret',
      redirectUris: options.application?.redirectUris,
      privilegedIntents: options.application?.privilegedIntents ?? PRIVILEGED_INTENTS,
    },
    guilds,
    users,
    loggedInUserId: options.loggedInUserId ?? options.users?.[0]?.user.id ?? firstOwner,
  };
};

/** A user known to the simulator: an OAuth2 user or any guild member. */
export const getUser = (state: SimulatorState, userId: string): APIUser | undefined => {
  const known = state.users.get(userId)?.user;
  if (known) return known;
  if (userId === state.bot.id) return state.bot;
  for (const guild of state.guilds.values()) {
    const member = guild.members.get(userId);
    if (member) return member.user;
  }
  return undefined;
};
