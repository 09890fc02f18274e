import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';
import type { RawData, WebSocket } from 'ws';
import type { GatewayOptions } from './gateway-options.ts';
import type { GatewaySession, SessionSocket } from './gateway-session.ts';
import type { SimulatorCounters } from './simulator-counters.ts';

/** What a connection hands to the gateway once the framing, heartbeats and limits are done. */
export interface ConnectionHandlers {
  identify(connection: GatewayConnection, data: unknown): void;
  resume(connection: GatewayConnection, data: unknown): void;
  requestMembers(connection: GatewayConnection, data: unknown): void;
  closed(connection: GatewayConnection, code: number): void;
}

/** What a connection needs besides its socket. */
export interface ConnectionContext {
  options: GatewayOptions;
  counters: SimulatorCounters;
  handlers: ConnectionHandlers;
  nowMs: () => number;
}

const bump = (record: Record<string, number>, key: string): void => {
  record[key] = (record[key] ?? 0) + 1;
};

/**
 * One WebSocket to the gateway: HELLO, heartbeats and ACKs, the client send limit, the
 * authentication state, and every frame the simulator writes to it.
 */
export class GatewayConnection implements SessionSocket {
  session: GatewaySession | undefined;
  /** The close code the simulator chose, when it closed the socket itself. */
  serverCloseCode: number | undefined;
  readonly #socket: WebSocket;
  readonly #transport: Duplex | undefined;
  readonly #context: ConnectionContext;
  #corked = false;
  #heartbeatTimer: NodeJS.Timeout | undefined;
  #windowStartMs = 0;
  #sentInWindow = 0;

  constructor(socket: WebSocket, transport: Duplex | undefined, context: ConnectionContext) {
    this.#socket = socket;
    this.#transport = transport;
    this.#context = context;
  }

  /** Greets the client with HELLO and starts listening. */
  start(): void {
    this.#socket.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    this.#socket.on('close', (code) => {
      clearTimeout(this.#heartbeatTimer);
      this.#context.handlers.closed(this, this.serverCloseCode ?? code);
    });
    this.#socket.on('error', () => undefined);
    this.#armHeartbeatTimer();
    const heartbeatInterval = this.#context.options.heartbeatIntervalMs;
    this.sendOp(GatewayOpcodes.Hello, { heartbeat_interval: heartbeatInterval });
  }

  /** Bytes written to the socket but not yet flushed to the network. */
  get bufferedBytes(): number {
    return this.#socket.bufferedAmount;
  }

  get isOpen(): boolean {
    return this.#socket.readyState === this.#socket.OPEN && this.serverCloseCode === undefined;
  }

  sendFrame(frame: string, event: string, replayed: boolean): void {
    if (!this.isOpen) return;
    this.#cork();
    this.#socket.send(frame);
    const { counters } = this.#context;
    counters.framesSent += 1;
    if (replayed) counters.framesReplayed += 1;
    bump(counters.sentByEvent, event);
  }

  /** Sends a non-dispatch payload (HELLO, ACK, RECONNECT, INVALID_SESSION…). */
  sendOp(op: GatewayOpcodes, d: unknown): void {
    if (this.isOpen) this.#socket.send(JSON.stringify({ op, d: d ?? null, s: null, t: null }));
  }

  /** Closes with a gateway close code; later messages from the client are ignored. */
  close(code: number, reason: string): void {
    if (this.serverCloseCode !== undefined) return;
    this.serverCloseCode = code;
    bump(this.#context.counters.closesByCode, String(code));
    this.#socket.close(code, reason);
  }

  /** Drops the TCP connection without a close frame, as a network failure would. */
  terminate(): void {
    this.#socket.terminate();
  }

  /**
   * Frames sent in one synchronous burst go out in one write: a syscall per frame would cap
   * the simulator well below the event rates the benchmarks need.
   */
  #cork(): void {
    const transport = this.#transport;
    if (!transport || this.#corked) return;
    this.#corked = true;
    transport.cork();
    process.nextTick(() => {
      this.#corked = false;
      transport.uncork();
    });
  }

  #armHeartbeatTimer(): void {
    clearTimeout(this.#heartbeatTimer);
    const timeoutMs = this.#context.options.heartbeatTimeoutMs;
    if (timeoutMs <= 0) return;
    this.#heartbeatTimer = setTimeout(() => {
      this.close(GatewayCloseCodes.SessionTimedOut, 'No heartbeat received in time.');
    }, timeoutMs);
    this.#heartbeatTimer.unref();
  }

  /** Heartbeats are left out of the send limit: tests use intervals far below Discord's. */
  #isOverSendLimit(): boolean {
    const now = this.#context.nowMs();
    if (now - this.#windowStartMs >= 60_000) {
      this.#windowStartMs = now;
      this.#sentInWindow = 0;
    }
    this.#sentInWindow += 1;
    return this.#sentInWindow > this.#context.options.sendLimitPerMinute;
  }

  #onMessage(raw: RawData, isBinary: boolean): void {
    if (this.serverCloseCode !== undefined) return;
    let payload: { op?: unknown; d?: unknown };
    try {
      const text = isBinary || typeof raw !== 'string' ? raw.toString() : raw;
      payload = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      this.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (payload.op === GatewayOpcodes.Heartbeat) {
      this.#context.counters.heartbeats += 1;
      this.#armHeartbeatTimer();
      this.sendOp(GatewayOpcodes.HeartbeatAck, null);
      return;
    }
    if (this.#isOverSendLimit()) {
      this.close(GatewayCloseCodes.RateLimited, 'You are being rate limited.');
      return;
    }
    this.#route(payload.op, payload.d);
  }

  #route(op: unknown, d: unknown): void {
    const { handlers } = this.#context;
    if (op === GatewayOpcodes.Identify || op === GatewayOpcodes.Resume) {
      if (this.session) {
        this.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      } else if (op === GatewayOpcodes.Identify) handlers.identify(this, d);
      else handlers.resume(this, d);
      return;
    }
    const known = [
      GatewayOpcodes.PresenceUpdate,
      GatewayOpcodes.VoiceStateUpdate,
      GatewayOpcodes.RequestGuildMembers,
      GatewayOpcodes.RequestSoundboardSounds,
    ];
    if (typeof op !== 'number' || !known.includes(op)) {
      this.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    } else if (!this.session) {
      this.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
    } else if (op === GatewayOpcodes.RequestGuildMembers) handlers.requestMembers(this, d);
  }
}
