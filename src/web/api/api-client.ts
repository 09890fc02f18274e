import { ApiError, toApiError } from './api-error.ts';
import type { TokensResponse, User } from './api-types.ts';

/** Query parameters; undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** Who is logged in, as the client knows it. */
export interface Session {
  user: User;
  accessToken: string;
}

/** The dashboard's only door to the server: `/api/v1` with an in-memory access token. */
export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Exchanges the refresh cookie for a new access token; undefined when not logged in. */
  refresh(): Promise<Session | undefined>;
  logout(): Promise<void>;
  /** The current access token (for the live socket's auth message). */
  getAccessToken(): string | undefined;
  /** Called whenever the session changes (login, refresh, logout, expiry). */
  onSessionChange(listener: (session: Session | undefined) => void): () => void;
}

const toUrl = (path: string, query: Query | undefined): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
};

/** Refresh tokens rotate and a reused one kills the session, so tabs take turns refreshing. */
const withRefreshLock = <T>(run: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks
    ? (navigator.locks.request('spywatcher-refresh', run) as Promise<T>)
    : run();

/**
 * Creates the client. The refresh token lives only in its HttpOnly cookie; the access token
 * only in memory. A 401 triggers one refresh (shared by every request waiting on it) and
 * one retry.
 */
export const createApiClient = (fetchImpl: typeof fetch = fetch.bind(globalThis)): ApiClient => {
  let session: Session | undefined;
  let refreshing: Promise<Session | undefined> | undefined;
  const listeners = new Set<(session: Session | undefined) => void>();
  const setSession = (next: Session | undefined) => {
    session = next;
    for (const listener of listeners) listener(next);
  };

  const refresh = (): Promise<Session | undefined> => {
    refreshing ??= withRefreshLock(async () => {
      const response = await fetchImpl('/api/v1/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      if (!response.ok) return undefined;
      const tokens = (await response.json()) as TokensResponse;
      return { user: tokens.user, accessToken: tokens.accessToken };
    })
      .then((next) => {
        setSession(next);
        return next;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  const send = async (path: string, options: RequestOptions, token: string | undefined) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return fetchImpl(toUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  };

  const request = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
    let response = await send(path, options, session?.accessToken);
    if (response.status === 401) {
      const renewed = await refresh();
      if (!renewed) throw await toApiError(response);
      response = await send(path, options, renewed.accessToken);
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  };

  return {
    request,
    refresh,
    getAccessToken: () => session?.accessToken,
    logout: async () => {
      try {
        await request('/auth/logout', { method: 'POST' });
      } catch (error) {
        // Already logged out elsewhere: the local session ends all the same.
        if (!(error instanceof ApiError)) throw error;
      }
      setSession(undefined);
    },
    onSessionChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
