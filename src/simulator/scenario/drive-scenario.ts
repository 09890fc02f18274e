import { setTimeout as sleep, setImmediate as yieldToLoop } from 'node:timers/promises';
import type { DiscordSimulator } from '../discord-simulator.ts';
import type { ScenarioEvent } from './scenario-event.ts';

/** Options of {@link driveScenario}. */
export interface DriveOptions {
  sim: Pick<DiscordSimulator, 'dispatch' | 'bufferedBytes'>;
  events: Iterable<ScenarioEvent>;
  /** A steady rate; omit it (and `speed`) to send as fast as the client reads. */
  eventsPerSecond?: number;
  /** Follow the events' own timing, `speed` times faster than real time (1 = real time). */
  speed?: number;
  signal?: AbortSignal;
  /** Pause while this many bytes wait in gateway sockets (default 8 MiB). */
  highWaterMarkBytes?: number;
  /** Called after each batch with the number of events sent so far. */
  onProgress?: (sent: number) => void;
}

/** What a drive did. */
export interface DriveResult {
  sent: number;
  elapsedMs: number;
  aborted: boolean;
}

const BATCH = 500;

/**
 * Emits scenario events into the simulator, in order: at a fixed rate, at the scenario's own
 * pace scaled by `speed`, or as fast as possible with back-pressure from the sockets.
 */
export const driveScenario = async (options: DriveOptions): Promise<DriveResult> => {
  const { sim, signal, eventsPerSecond, speed } = options;
  if (eventsPerSecond !== undefined && speed !== undefined) {
    throw new RangeError('Choose eventsPerSecond or speed, not both.');
  }
  const highWaterMark = options.highWaterMarkBytes ?? 8 * 1_024 * 1_024;
  const iterator = options.events[Symbol.iterator]();
  const startedAt = performance.now();
  let pending = iterator.next();
  const firstAtMs = pending.done ? 0 : pending.value.atMs;
  let sent = 0;
  const isDue = (event: ScenarioEvent, elapsedMs: number): boolean => {
    if (speed !== undefined) return (event.atMs - firstAtMs) / speed <= elapsedMs;
    if (eventsPerSecond !== undefined) return sent < (elapsedMs / 1_000) * eventsPerSecond;
    return true;
  };
  while (!pending.done && !signal?.aborted) {
    const elapsedMs = performance.now() - startedAt;
    let batch = 0;
    while (!pending.done && batch < BATCH && isDue(pending.value, elapsedMs)) {
      const { guildId, event, data } = pending.value;
      sim.dispatch(guildId, event, data);
      sent += 1;
      batch += 1;
      pending = iterator.next();
    }
    options.onProgress?.(sent);
    if (batch === 0) await sleep(5);
    else if (sim.bufferedBytes() > highWaterMark) {
      while (sim.bufferedBytes() > highWaterMark / 2 && !signal?.aborted) await sleep(2);
    } else await yieldToLoop();
  }
  return { sent, elapsedMs: performance.now() - startedAt, aborted: signal?.aborted ?? false };
};
