import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayBotInfo, APIUser } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { createGatewayHub } from './gateway-hub.ts';
import { type GatewayOptions, toGatewayOptions } from './gateway-options.ts';
import { type GuildState, type SimGuild, toGuildState } from './guild-state.ts';
import {
  createInteractions,
  type InteractionCallback,
  type InteractionInput,
} from './interactions.ts';
import { createOAuthProvider } from './oauth-provider.ts';
import { createRestHandler } from './rest-handler.ts';
import type { SessionSummary } from './session-registry.ts';
import { createCounters, type SimulatorCounters } from './simulator-counters.ts';
import {
  createSimulatorState,
  type SimApplication,
  type SimUser,
  type SimulatorStateOptions,
  toBotMember,
} from './simulator-state.ts';

/** Options of {@link createDiscordSimulator}; all optional. */
export interface DiscordSimulatorOptions extends Omit<SimulatorStateOptions, 'nowMs'> {
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Defaults to 0: any free port. */
  port?: number;
  gateway?: Partial<GatewayOptions>;
  /** The clock (OAuth expiry, op 8 rate limit); defaults to `Date.now`. */
  nowMs?: () => number;
}

/** A running simulator and its control API. */
export interface DiscordSimulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/api`: give it to `@discordjs/rest` as `api` (it appends `/v10`). */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT/gateway`, also returned by `GET /gateway/bot`. */
  readonly gatewayUrl: string;
  /** `http://127.0.0.1:PORT/oauth2/authorize`, the simulated consent screen. */
  readonly authorizeUrl: string;
  readonly bot: APIUser;
  readonly botToken: string;
  readonly application: SimApplication;
  /** A snapshot of what the simulator has done so far. */
  readonly counters: SimulatorCounters;
  /**
   * Pushes a dispatch (buffered for RESUME) to the sessions of the guild's shard that have its
   * intent (null: every shard); returns how many sessions took it.
   */
  dispatch(guildId: string | null, event: string, data: unknown): number;
  /** Sends op 7 RECONNECT to every connected session. */
  reconnect(): void;
  /** Sends op 9 INVALID_SESSION (`d` = resumable, default false) to every connected session. */
  invalidateSession(options?: { resumable?: boolean }): void;
  /** Closes every gateway socket with a close code (e.g. 4000 resumable, 4009 session ends). */
  closeAll(code: number, reason?: string): void;
  /** Drops every gateway socket without a close frame. */
  terminateAll(): void;
  listSessions(): SessionSummary[];
  /** Bytes waiting in gateway socket buffers. */
  bufferedBytes(): number;
  /** Adds a guild and sends its GUILD_CREATE, as when the bot is invited. */
  addGuild(guild: SimGuild): void;
  /** Removes a guild and sends GUILD_DELETE, as when the bot is kicked. */
  removeGuild(guildId: string): void;
  /** The live state of a guild (members, presences… as dispatches changed them). */
  getGuild(guildId: string): GuildState | undefined;
  addUser(user: SimUser): void;
  /** The user the simulated consent logs in when no `sim_user` is given. */
  setLoggedInUser(userId: string): void;
  /** Sends INTERACTION_CREATE (a slash command use); resolves with the bot's callback. */
  interact(input: InteractionInput): Promise<InteractionCallback>;
  /** The commands the bot registered (`PUT /applications/:id/commands`). */
  listCommands(): unknown[];
  close(): Promise<void>;
}

/**
 * Starts a protocol-level Discord on localhost: REST under `/api`, the gateway (v10, JSON) at
 * `/gateway`, and OAuth2 at `/oauth2/*`, all driven by the real Discord client libraries.
 */
export const createDiscordSimulator = async (
  options: DiscordSimulatorOptions = {},
): Promise<DiscordSimulator> => {
  const nowMs = options.nowMs ?? Date.now;
  const state = createSimulatorState({ ...options, nowMs: nowMs() });
  const gatewayOptions = toGatewayOptions(options.gateway);
  const counters = createCounters();
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const hub = createGatewayHub({
    state,
    options: gatewayOptions,
    counters,
    nowMs,
    getResumeUrl: () => `ws://${origin}/gateway/resume`,
  });
  const getGatewayBotInfo = (): APIGatewayBotInfo => ({
    url: `ws://${origin}/gateway`,
    shards: gatewayOptions.shardCount,
    session_start_limit: {
      total: gatewayOptions.sessionStartLimit,
      remaining: hub.sessionStartsRemaining,
      reset_after: 86_400_000,
      max_concurrency: gatewayOptions.maxConcurrency,
    },
  });
  const oauth = createOAuthProvider({ application: state.application, nowMs });
  const interactions = createInteractions({
    applicationId: state.application.clientId,
    nowMs,
  });
  const handleRest = createRestHandler({
    state,
    oauth,
    counters,
    getGatewayBotInfo,
    interactions,
  });
  const server = createServer((req, res) => {
    handleRest(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"500: Internal Server Error","code":0}');
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1_024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${origin}`);
    if (url.pathname !== '/gateway' && url.pathname !== '/gateway/resume') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => hub.accept(ws, url, socket));
  });
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  origin = `${host}:${port}`;
  const url = `http://${origin}`;

  return {
    url,
    apiUrl: `${url}/api`,
    gatewayUrl: `ws://${origin}/gateway`,
    authorizeUrl: `${url}/oauth2/authorize`,
    bot: state.bot,
    botToken: state.botToken,
    application: state.application,
    get counters() {
      return structuredClone(counters);
    },
    dispatch: hub.dispatch,
    reconnect: hub.reconnect,
    invalidateSession: (invalidation) => hub.invalidateSessions(invalidation?.resumable ?? false),
    closeAll: hub.closeAll,
    terminateAll: hub.terminateAll,
    listSessions: hub.listSessions,
    bufferedBytes: hub.bufferedBytes,
    addGuild(guild) {
      const joinedAt = guild.joinedAt ?? new Date(nowMs()).toISOString();
      state.guilds.set(guild.id, toGuildState(guild, toBotMember(state.bot, joinedAt)));
      hub.announceGuild(guild.id);
    },
    removeGuild(guildId) {
      if (!state.guilds.delete(guildId)) return;
      hub.dispatch(guildId, 'GUILD_DELETE', { id: guildId });
    },
    getGuild: (guildId) => state.guilds.get(guildId),
    addUser: (user) => void state.users.set(user.user.id, user),
    setLoggedInUser(userId) {
      state.loggedInUserId = userId;
    },
    interact(input) {
      const { payload, answered } = interactions.create(input);
      hub.dispatch(input.guildId, 'INTERACTION_CREATE', payload);
      return answered;
    },
    listCommands: () => interactions.listCommands(state.application.clientId),
    async close() {
      hub.shutdown();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
