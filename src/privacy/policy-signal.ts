/**
 * Tells the ingest of this process that opt-outs or guild settings changed, so it re-reads
 * them at once instead of at its next refresh (ingest in another process re-reads within its
 * refresh interval, 5 s by default).
 */
export interface PolicySignal {
  /**
   * Never rejects: the change is already committed, and a listener that fails to re-read is
   * reported to `onError` (the ingest's own refresh catches up within its interval).
   */
  notify(): Promise<void>;
  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: () => Promise<void>): () => void;
}

/** A signal with no listeners until the bot subscribes. */
export const createPolicySignal = (
  onError: (error: unknown) => void = () => undefined,
): PolicySignal => {
  const listeners = new Set<() => Promise<void>>();
  return {
    notify: async () => {
      await Promise.all([...listeners].map((listener) => listener().catch(onError)));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
