import type { WebSocketManager } from '@discordjs/ws';

/** What this needs of a `ws` WebSocket: it stops reading its TCP socket while paused. */
interface PausableSocket {
  pause(): void;
  resume(): void;
}

/**
 * The open WebSockets of the manager's shards. `@discordjs/ws` 2 does not expose them: this
 * reads its SimpleShardingStrategy's `shards` and each shard's `connection` (a `ws`
 * WebSocket), and finds none if those change; the writer's hard limit then still protects
 * memory by disconnecting (see `BatchWriterOptions.maxBufferedEvents`).
 */
const openSockets = (manager: WebSocketManager): PausableSocket[] => {
  const strategy = (manager as unknown as { strategy?: { shards?: unknown } }).strategy;
  const shards = strategy?.shards;
  if (!(shards instanceof Map)) return [];
  const sockets: PausableSocket[] = [];
  for (const shard of shards.values()) {
    const connection = (shard as { connection?: Partial<PausableSocket> | null }).connection;
    if (typeof connection?.pause === 'function' && typeof connection.resume === 'function')
      sockets.push(connection as PausableSocket);
  }
  return sockets;
};

/**
 * Stops or restarts reading the gateway: while the writer is behind, unread dispatches wait in
 * the kernel's socket buffers and then in the gateway's (TCP back-pressure), not in this
 * process's memory. Heartbeats still go out; a pause longer than the heartbeat interval makes
 * `@discordjs/ws` see a missing ACK and RESUME, which loses nothing either.
 */
export const setShardsReading = (manager: WebSocketManager, reading: boolean): void => {
  for (const socket of openSockets(manager)) {
    if (reading) socket.resume();
    else socket.pause();
  }
};
