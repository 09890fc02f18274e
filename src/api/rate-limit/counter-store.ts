/** One counter a request is counted on: a fixed window (its key names the window). */
export interface Counter {
  key: string;
  limit: number;
  /** How long the counter is kept after its creation; at least its window. */
  ttlMs: number;
  /** The value a counter starts from when it does not exist yet (the durable record's count). */
  initial: number;
}

/** What a consumption found: values after counting (allowed) or as they stand (refused). */
export type ConsumeResult =
  | { allowed: true; values: number[] }
  | { allowed: false; index: number; values: number[] };

/**
 * Counters shared by every API process (Redis) or kept in this one (memory). The IO seam of
 * rate limits, quotas and failed-login tracking.
 */
export interface CounterStore {
  /** Atomically counts one request on every counter, or on none when one would overflow. */
  consume(counters: readonly Counter[]): Promise<ConsumeResult>;
  /** Adds one to an unlimited counter and returns the new value. */
  increment(key: string, ttlMs: number): Promise<number>;
}
