/** How the simulated gateway behaves; defaults are Discord's where Discord publishes one. */
export interface GatewayOptions {
  /** Sent in HELLO; Discord uses 41,250 ms, tests want a few hundred. */
  heartbeatIntervalMs: number;
  /** Silence after which a connection is closed with 4009; 0 never closes. */
  heartbeatTimeoutMs: number;
  /** The recommended shard count that `GET /gateway/bot` returns. */
  shardCount: number;
  /** `session_start_limit.max_concurrency`. */
  maxConcurrency: number;
  /** `session_start_limit.total`: IDENTIFYs allowed before op 9 answers them. */
  sessionStartLimit: number;
  /** Dispatches kept per session for RESUME; older ones make a resume fail with op 9. */
  replayBufferSize: number;
  /** How long a disconnected session stays resumable. */
  sessionTtlMs: number;
  /** One all-members request (op 8, empty query, limit 0) per guild per session per window. */
  memberRequestIntervalMs: number;
  /** Members per GUILD_MEMBERS_CHUNK; Discord sends up to 1,000. */
  memberChunkSize: number;
  /** Client payloads allowed per 60 s before a 4008 close. */
  sendLimitPerMinute: number;
  /** Guilds one shard may hold before IDENTIFY is closed with 4011. */
  maxGuildsPerShard: number;
  /**
   * Which members GUILD_CREATE lists: `discord` follows Discord (all members only in small
   * guilds with GuildPresences), `all` always lists every member (for memory benchmarks).
   */
  memberListPolicy: 'discord' | 'all';
}

/** The defaults of {@link GatewayOptions}, in one place. */
export const defaultGatewayOptions: GatewayOptions = {
  heartbeatIntervalMs: 41_250,
  heartbeatTimeoutMs: 2 * 41_250 + 5_000,
  shardCount: 1,
  maxConcurrency: 1,
  sessionStartLimit: 1_000,
  replayBufferSize: 50_000,
  sessionTtlMs: 5 * 60_000,
  memberRequestIntervalMs: 30_000,
  memberChunkSize: 1_000,
  sendLimitPerMinute: 120,
  maxGuildsPerShard: 2_500,
  memberListPolicy: 'discord',
};

/** Fills gateway options from their defaults; the heartbeat timeout follows a custom interval. */
export const toGatewayOptions = (options: Partial<GatewayOptions> = {}): GatewayOptions => {
  const heartbeatIntervalMs =
    options.heartbeatIntervalMs ?? defaultGatewayOptions.heartbeatIntervalMs;
  return {
    ...defaultGatewayOptions,
    heartbeatTimeoutMs: 2 * heartbeatIntervalMs + 5_000,
    ...options,
  };
};
