import {
  type APIUser,
  ApplicationFlags,
  GatewayIntentBits,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';

/** What READY is built from. */
export interface ReadyInput {
  user: APIUser;
  applicationId: string;
  /** The privileged intents the application has switched on. */
  privilegedIntents: number;
  guildIds: readonly string[];
  sessionId: string;
  resumeUrl: string;
  shard: [shardId: number, shardCount: number];
}

/** The application flags an unverified app with these privileged intents carries. */
const toApplicationFlags = (privilegedIntents: number): ApplicationFlags => {
  let flags = 0;
  if (privilegedIntents & GatewayIntentBits.GuildPresences) {
    flags |= ApplicationFlags.GatewayPresenceLimited;
  }
  if (privilegedIntents & GatewayIntentBits.GuildMembers) {
    flags |= ApplicationFlags.GatewayGuildMembersLimited;
  }
  if (privilegedIntents & GatewayIntentBits.MessageContent) {
    flags |= ApplicationFlags.GatewayMessageContentLimited;
  }
  return flags;
};

/**
 * READY as Discord sends it to a bot: every guild of the shard unavailable (GUILD_CREATEs
 * follow), plus the fields Discord sends that the typings leave out.
 * @see https://discord.com/developers/docs/events/gateway-events#ready
 */
export const toReadyPayload = (input: ReadyInput): GatewayReadyDispatchData => {
  const extra = {
    private_channels: [],
    presences: [],
    relationships: [],
    guild_join_requests: [],
    user_settings: {},
    session_type: 'normal',
    auth: {},
    _trace: ['["spywatcher-simulator",{"micros":0}]'],
  };
  const flags = toApplicationFlags(input.privilegedIntents);
  const ready: GatewayReadyDispatchData = {
    v: 10,
    user: input.user,
    guilds: input.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: input.sessionId,
    resume_gateway_url: input.resumeUrl,
    shard: input.shard,
    application: { id: input.applicationId, flags, flags_new: String(flags) },
  };
  return Object.assign(extra, ready);
};
