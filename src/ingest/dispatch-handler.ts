import type { GatewayDispatchPayload } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { BatchWriter } from './batch-writer.ts';
import type { IngestMetrics } from './ingest-metrics.ts';
import type { IngestPolicy } from './ingest-policy.ts';
import type { IngestRows } from './ingest-rows.ts';
import type { LatencyTracker } from './normalize/latency-tracker.ts';
import { normalizeDispatch } from './normalize/normalize-dispatch.ts';
import { withoutOptedOut } from './normalize/without-opted-out.ts';
import type { SessionStore } from './session-store.ts';
import { withLatencies } from './with-latencies.ts';

/** What {@link createDispatchHandler} works with. */
export interface DispatchHandlerDeps {
  policy: IngestPolicy;
  tracker: LatencyTracker;
  writer: BatchWriter;
  sessions: SessionStore;
  metrics: IngestMetrics;
  log: Logger;
  /**
   * Called once when the writer's buffer is full and a dispatch could not be taken, with the
   * last sequence taken per shard: the gateway must replay from there.
   */
  onOverflow(lastTaken: ReadonlyMap<number, number | null>): void;
}

/** Receives dispatches; `resume` takes them again after an overflow was dealt with. */
export interface DispatchHandler {
  handle(payload: GatewayDispatchPayload, shardId: number): void;
  resume(): void;
}

/**
 * Turns each dispatch into an envelope for the writer. Never throws: a payload that does not
 * parse is counted, logged once per type, and skipped (its sequence still counts as handled).
 */
export const createDispatchHandler = (deps: DispatchHandlerDeps): DispatchHandler => {
  const warned = new Set<string>();
  const lastTaken = new Map<number, number | null>();
  let paused = false;
  const handle = (payload: GatewayDispatchPayload, shardId: number): void => {
    const type = payload.t;
    if (paused) return;
    const receivedAt = new Date();
    deps.metrics.received.inc({ type });
    let rows: Partial<IngestRows> = {};
    try {
      const result = normalizeDispatch(type, payload.d, {
        receivedAt,
        captureContent: deps.policy.captureContent,
      });
      if (result.kind === 'invalid') {
        deps.metrics.invalid.inc({ type });
        if (!warned.has(type))
          deps.log.warn({ type, reason: result.reason }, 'malformed dispatch skipped');
        warned.add(type);
      } else if (result.kind === 'rows') {
        rows = withoutOptedOut(
          withLatencies(result.rows, deps.tracker, receivedAt),
          deps.policy.isOptedOut,
        );
      }
    } catch (error) {
      deps.metrics.invalid.inc({ type });
      deps.log.error({ err: error, type }, 'dispatch handling failed; skipped');
    }
    const taken = deps.writer.push({
      type,
      shardId,
      sequence: payload.s,
      session: deps.sessions.current(shardId),
      rows,
      receivedAtMs: receivedAt.getTime(),
    });
    if (taken) {
      lastTaken.set(shardId, payload.s);
      return;
    }
    paused = true;
    deps.onOverflow(new Map(lastTaken));
  };
  return {
    handle,
    resume: () => {
      paused = false;
    },
  };
};
