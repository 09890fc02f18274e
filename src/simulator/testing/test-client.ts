import { setTimeout as sleep } from 'node:timers/promises';
import { REST } from '@discordjs/rest';
import { type SessionInfo, WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import type { GatewayDispatchPayload } from 'discord-api-types/v10';
import type { DiscordSimulator } from '../discord-simulator.ts';

/** Options of {@link createTestClient}. */
export interface TestClientOptions {
  sim: DiscordSimulator;
  intents: number;
  /** The gateway token; defaults to the simulator's bot token (REST always uses the good one). */
  token?: string;
  /** A stored session to RESUME, as a restarted process would. */
  session?: SessionInfo;
}

/** The real discord.js gateway client, wired to a simulator, recording what it sees. */
export interface TestClient {
  readonly manager: WebSocketManager;
  readonly rest: REST;
  readonly dispatches: GatewayDispatchPayload[];
  readonly closeCodes: number[];
  readonly errors: Error[];
  readonly debug: string[];
  /** The session the library last stored through `updateSessionInfo` (what a bot persists). */
  readonly session: SessionInfo | null;
  /** Names of the dispatches received, in order. */
  eventNames(): string[];
  /** Resolves once `check` holds, polling; rejects after `timeoutMs`. */
  waitUntil<T>(check: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  /** Dies without a goodbye: stops storing the session and closes with 4000 (session stays resumable). */
  crash(): Promise<SessionInfo | null>;
  destroy(): Promise<void>;
}

/**
 * A `WebSocketManager` + `REST` pair against the simulator, with the session hooks a bot uses
 * and an identify throttle that does not wait (the default one sleeps 5 s between IDENTIFYs).
 */
export const createTestClient = (options: TestClientOptions): TestClient => {
  const { sim } = options;
  const rest = new REST({ api: sim.apiUrl, version: '10' }).setToken(sim.botToken);
  let session: SessionInfo | null = options.session ?? null;
  let frozen = false;
  const dispatches: GatewayDispatchPayload[] = [];
  const closeCodes: number[] = [];
  const errors: Error[] = [];
  const debug: string[] = [];
  const manager = new WebSocketManager({
    token: options.token ?? sim.botToken,
    intents: options.intents,
    rest,
    helloTimeout: 5_000,
    readyTimeout: 5_000,
    buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }),
    retrieveSessionInfo: () => session,
    updateSessionInfo: (_shardId, info) => {
      if (!frozen) session = info;
    },
  });
  manager.on(WebSocketShardEvents.Dispatch, (payload) => void dispatches.push(payload));
  manager.on(WebSocketShardEvents.Closed, (code) => void closeCodes.push(code));
  manager.on(WebSocketShardEvents.Error, (error) => void errors.push(error));
  manager.on(WebSocketShardEvents.Debug, (message) => void debug.push(message));

  const client: TestClient = {
    manager,
    rest,
    dispatches,
    closeCodes,
    errors,
    debug,
    get session() {
      return session;
    },
    eventNames: () => dispatches.map((payload) => payload.t),
    async waitUntil(check, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
        await sleep(10);
      }
    },
    async crash() {
      frozen = true;
      await manager.destroy({ code: 4_000, reason: 'simulated crash' });
      return session;
    },
    async destroy() {
      await manager.destroy();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
  return client;
};
