import { GatewayDispatchEvents, GatewayIntentBits } from 'discord-api-types/v10';
import type { GatewayConnection } from './gateway-connection.ts';
import type { GatewayOptions } from './gateway-options.ts';
import { GatewaySession } from './gateway-session.ts';
import { toGuildCreatePayload } from './guild-create-payload.ts';
import type { SimulatorState } from './simulator-state.ts';

/** A session as the control API reports it. */
export interface SessionSummary {
  id: string;
  shard: [shardId: number, shardCount: number];
  intents: number;
  seq: number;
  connected: boolean;
  /** The IDENTIFY `properties` (os, browser, device) the client sent. */
  properties: Record<string, unknown>;
}

/**
 * The gateway's sessions: which connection each one is attached to, and how long a detached
 * one stays resumable.
 */
export const createSessionRegistry = (state: SimulatorState, options: GatewayOptions) => {
  const sessions = new Map<string, GatewaySession>();
  const expiryTimers = new Map<string, NodeJS.Timeout>();

  const cancelExpiry = (session: GatewaySession): void => {
    clearTimeout(expiryTimers.get(session.id));
    expiryTimers.delete(session.id);
  };

  const registry = {
    sessions: sessions as ReadonlyMap<string, GatewaySession>,
    /** IDENTIFYs left before op 9 answers them (`session_start_limit.remaining`). */
    startsRemaining: options.sessionStartLimit,

    open(init: Omit<ConstructorParameters<typeof GatewaySession>[0], 'replayBufferSize'>) {
      const session = new GatewaySession({ ...init, replayBufferSize: options.replayBufferSize });
      sessions.set(session.id, session);
      return session;
    },

    /** Ends a session for good: a later RESUME gets op 9. */
    end(session: GatewaySession): void {
      session.invalidated = true;
      sessions.delete(session.id);
      cancelExpiry(session);
    },

    attach(connection: GatewayConnection, session: GatewaySession): void {
      cancelExpiry(session);
      connection.session = session;
      session.socket = connection;
    },

    /** Leaves a session without a connection, resumable for `sessionTtlMs`. */
    detach(session: GatewaySession): void {
      session.socket = undefined;
      cancelExpiry(session);
      const timer = setTimeout(() => registry.end(session), options.sessionTtlMs);
      expiryTimers.set(session.id, timer.unref());
    },

    /** Sends a session the GUILD_CREATE of a guild, shaped by its intents (needs Guilds). */
    pushGuildCreate(session: GatewaySession, guildId: string): void {
      const guild = state.guilds.get(guildId);
      if (!guild || (session.intents & GatewayIntentBits.Guilds) === 0) return;
      const payload = toGuildCreatePayload(guild, {
        intents: session.intents,
        largeThreshold: session.largeThreshold,
        botId: state.bot.id,
        memberListPolicy: options.memberListPolicy,
      });
      session.push(GatewayDispatchEvents.GuildCreate, JSON.stringify(payload));
    },

    list(): SessionSummary[] {
      return [...sessions.values()].map((session) => ({
        id: session.id,
        shard: session.shard,
        intents: session.intents,
        seq: session.seq,
        connected: session.socket !== undefined,
        properties: session.properties,
      }));
    },

    endAll(): void {
      for (const session of [...sessions.values()]) registry.end(session);
    },
  };
  return registry;
};

/** The registry {@link createSessionRegistry} builds. */
export type SessionRegistry = ReturnType<typeof createSessionRegistry>;
