import { createReplayBuffer, type ReplayBuffer, type ReplayEntry } from './replay-buffer.ts';
import { toShardId } from './snowflake.ts';

/** Where a session writes its frames: the connection it is attached to. */
export interface SessionSocket {
  sendFrame(frame: string, event: string, replayed: boolean): void;
}

/** What a session is opened with, from an accepted IDENTIFY. */
export interface GatewaySessionInit {
  id: string;
  shard: [shardId: number, shardCount: number];
  intents: number;
  largeThreshold: number;
  properties: Record<string, unknown>;
  replayBufferSize: number;
}

/**
 * A gateway session: outlives its connections, numbers every dispatch, and keeps the last
 * ones so that a RESUME on a new connection (even from a new process) gets what it missed.
 */
export class GatewaySession {
  readonly id: string;
  readonly shard: [shardId: number, shardCount: number];
  readonly intents: number;
  readonly largeThreshold: number;
  readonly properties: Record<string, unknown>;
  /** The sequence number of the last dispatch. */
  seq = 0;
  invalidated = false;
  socket: SessionSocket | undefined;
  /** When each guild last had an all-members request (op 8), for its rate limit. */
  readonly memberRequestAtMs = new Map<string, number>();
  readonly #buffer: ReplayBuffer;

  constructor(init: GatewaySessionInit) {
    this.id = init.id;
    this.shard = init.shard;
    this.intents = init.intents;
    this.largeThreshold = init.largeThreshold;
    this.properties = init.properties;
    this.#buffer = createReplayBuffer(init.replayBufferSize);
  }

  /** Whether this session's shard receives the guild's events (null: events for every shard). */
  covers(guildId: string | null): boolean {
    return guildId === null || toShardId(guildId, this.shard[1]) === this.shard[0];
  }

  /**
   * Sends a dispatch with the next sequence number; `json` is the serialized `d`. Kept for
   * replay unless it belongs to one connection only (READY, RESUMED).
   */
  push(event: string, json: string, replayable = true): number {
    this.seq += 1;
    const frame = `{"op":0,"t":${JSON.stringify(event)},"s":${this.seq},"d":${json}}`;
    if (replayable) this.#buffer.push({ seq: this.seq, event, frame });
    this.socket?.sendFrame(frame, event, false);
    return this.seq;
  }

  /** The dispatches after `seq`, or undefined when some were already dropped from the buffer. */
  listAfter(seq: number): ReplayEntry[] | undefined {
    return this.#buffer.listAfter(seq);
  }
}
