import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';
import type { WebSocket } from 'ws';
import { applyDispatch } from './apply-dispatch.ts';
import { GatewayConnection } from './gateway-connection.ts';
import { hasEventIntent, needsContentStripped, toContentStripped } from './gateway-intents.ts';
import type { GatewayOptions } from './gateway-options.ts';
import { createSessionHandlers } from './session-handlers.ts';
import { createSessionRegistry } from './session-registry.ts';
import type { SimulatorCounters } from './simulator-counters.ts';
import type { SimulatorState } from './simulator-state.ts';

/** What the gateway is built from. */
export interface GatewayHubContext {
  state: SimulatorState;
  options: GatewayOptions;
  counters: SimulatorCounters;
  nowMs: () => number;
  /** The `resume_gateway_url` READY hands out. */
  getResumeUrl: () => string;
}

const SNOWFLAKE = /^\d{1,20}$/;

/** The simulated gateway: accepts sockets, routes dispatches to sessions, and obeys the control API. */
export const createGatewayHub = (context: GatewayHubContext) => {
  const { state, options, counters } = context;
  const registry = createSessionRegistry(state, options);
  const connections = new Set<GatewayConnection>();
  const handlers = createSessionHandlers({ ...context, registry, connections });

  return {
    /**
     * Takes a freshly upgraded WebSocket; the query must ask for v10 JSON (compression is
     * ignored). `transport` is its TCP socket, corked while a burst of dispatches is written.
     */
    accept(socket: WebSocket, url: URL, transport?: Duplex): void {
      counters.connections += 1;
      const connection = new GatewayConnection(socket, transport, {
        options,
        counters,
        handlers,
        nowMs: context.nowMs,
      });
      connections.add(connection);
      connection.start();
      const version = url.searchParams.get('v');
      const encoding = url.searchParams.get('encoding');
      if (version !== null && version !== '10') {
        connection.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version.');
      } else if (encoding !== null && encoding !== 'json') {
        connection.close(GatewayCloseCodes.DecodeError, 'Only encoding=json is simulated.');
      }
    },

    /**
     * Pushes a dispatch to every live session of the guild's shard that has the intent, and
     * returns how many sessions took it; throws a RangeError when `guildId` is no snowflake.
     */
    dispatch(guildId: string | null, event: string, data: unknown): number {
      if (guildId !== null && !SNOWFLAKE.test(guildId)) {
        throw new RangeError(`Not a snowflake: ${guildId}`);
      }
      counters.dispatched += 1;
      const guild = guildId === null ? undefined : state.guilds.get(guildId);
      if (guild) applyDispatch(guild, event, data);
      let full: string | undefined;
      let stripped: string | undefined;
      let delivered = 0;
      for (const session of registry.sessions.values()) {
        if (!session.covers(guildId)) continue;
        if (!hasEventIntent(session.intents, event)) {
          counters.filteredByIntent += 1;
          continue;
        }
        let json: string;
        if (needsContentStripped(session.intents, event, data, state.bot.id)) {
          stripped ??= JSON.stringify(toContentStripped(data as object));
          json = stripped;
        } else {
          full ??= JSON.stringify(data ?? null);
          json = full;
        }
        session.push(event, json);
        delivered += 1;
      }
      if (delivered === 0) counters.undelivered += 1;
      return delivered;
    },

    /** Sends GUILD_CREATE for a guild just added to the state, as when the bot joins one. */
    announceGuild(guildId: string): void {
      for (const session of registry.sessions.values()) {
        if (session.covers(guildId)) registry.pushGuildCreate(session, guildId);
      }
    },

    /** Sends op 7: clients should close and RESUME. */
    reconnect(): void {
      for (const connection of connections) {
        if (connection.session) connection.sendOp(GatewayOpcodes.Reconnect, null);
      }
    },

    /** Sends op 9 to every connected session and detaches it; `resumable` is its `d`. */
    invalidateSessions(resumable: boolean): void {
      for (const connection of connections) {
        const session = connection.session;
        if (!session) continue;
        connection.sendOp(GatewayOpcodes.InvalidSession, resumable);
        connection.session = undefined;
        registry.detach(session);
      }
      if (!resumable) registry.endAll();
    },

    /** Closes every connection with `code`; session-ending codes also end their sessions. */
    closeAll(code: number, reason = 'Closed by the simulator.'): void {
      for (const connection of connections) connection.close(code, reason);
    },

    /** Drops every TCP connection without a close frame (sessions stay resumable). */
    terminateAll(): void {
      for (const connection of connections) connection.terminate();
    },

    listSessions: registry.list,

    get sessionStartsRemaining(): number {
      return registry.startsRemaining;
    },

    /** Bytes queued on all sockets, for drivers that must not outrun the client. */
    bufferedBytes(): number {
      let total = 0;
      for (const connection of connections) total += connection.bufferedBytes;
      return total;
    },

    /** Terminates every socket and forgets every session. */
    shutdown(): void {
      for (const connection of connections) connection.terminate();
      registry.endAll();
    },
  };
};

/** The gateway {@link createGatewayHub} builds. */
export type GatewayHub = ReturnType<typeof createGatewayHub>;
