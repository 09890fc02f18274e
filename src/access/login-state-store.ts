/** What a login started with, kept server-side until Discord sends the user back. */
export interface LoginState {
  codeVerifier: string;
  expiresAtMs: number;
}

/**
 * Pending logins keyed by their `state`, single use: `take` removes the entry. The IO seam
 * for sharing pending logins between API processes (Redis later).
 */
export interface LoginStateStore {
  put(state: string, entry: LoginState): Promise<void>;
  /** The entry for `state` if it exists and has not expired at `nowMs`; removes it either way. */
  take(state: string, nowMs: number): Promise<LoginState | undefined>;
}

/** Pending logins live 10 minutes. */
export const LOGIN_STATE_TTL_MS = 10 * 60_000;

/** At most this many logins are pending in memory; the oldest is dropped beyond it. */
const MAX_PENDING = 10_000;

/** A {@link LoginStateStore} in this process's memory: enough for one API process. */
export const createMemoryLoginStateStore = (): LoginStateStore => {
  const entries = new Map<string, LoginState>();
  return {
    async put(state, entry) {
      if (entries.size >= MAX_PENDING) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(state, entry);
    },
    async take(state, nowMs) {
      const entry = entries.get(state);
      entries.delete(state);
      return entry && entry.expiresAtMs > nowMs ? entry : undefined;
    },
  };
};
