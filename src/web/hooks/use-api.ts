import { useCallback, useEffect, useState } from 'react';
import type { Query } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { useClient } from './client-context.ts';

/** What a panel shows: its data, or why there is none yet. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'unavailable' }
  | { status: 'error'; error: ApiError | Error };

/**
 * One GET, refetched when the path or query changes; a `null` path waits. Earlier requests are
 * aborted, so a slow answer never overwrites a newer one.
 */
export const useApi = <T>(path: string | null, query?: Query): Loadable<T> & { reload(): void } => {
  const client = useClient();
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(query ?? {});
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((previous) =>
      previous.status === 'ok' && version > 0 ? previous : { status: 'loading' },
    );
    client.request<T>(path, { query: JSON.parse(key) as Query, signal: controller.signal }).then(
      (data) => setState({ status: 'ok', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.isUnavailable) setState({ status: 'unavailable' });
        else
          setState({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
      },
    );
    return () => controller.abort();
  }, [client, path, key, version]);

  return { ...state, reload };
};
