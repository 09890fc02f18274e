import type { LiveEvent } from './live-event.ts';

/**
 * Fan-out of live events to every API process: in-process, or Redis pub/sub when several
 * processes share the work. Delivery is at most once; subscribers refetch after a gap.
 */
export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
  /** Calls `listener` for every event of every guild until the returned function is called. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}
