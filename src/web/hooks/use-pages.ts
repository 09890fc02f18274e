import { useCallback, useEffect, useRef, useState } from 'react';
import type { Query } from '../api/api-client.ts';
import { useClient } from './client-context.ts';

/** Items gathered from keyset pages, and where the listing stands. */
export interface PagesState<T> {
  items: T[];
  status: 'loading' | 'idle' | 'error' | 'done';
  error?: string;
  loadMore(): void;
  retry(): void;
}

/**
 * A keyset-paged listing (`{ items, nextCursor }`): `loadMore` follows the cursor, a new
 * path or query starts over and drops answers to the old one.
 */
export const usePages = <T>(path: string, query: Query): PagesState<T> => {
  const client = useClient();
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<PagesState<T>['status']>('loading');
  const [error, setError] = useState<string>();
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    async (reset: boolean) => {
      if (!reset && (inFlight.current || cursor.current === null)) return;
      const mine = reset ? ++generation.current : generation.current;
      inFlight.current = true;
      setStatus('loading');
      try {
        const page = await client.request<{ items: T[]; nextCursor: string | null }>(path, {
          query: {
            ...(JSON.parse(key) as Query),
            cursor: reset ? undefined : (cursor.current ?? undefined),
          },
        });
        if (mine !== generation.current) return;
        cursor.current = page.nextCursor;
        setItems((previous) => (reset ? page.items : [...previous, ...page.items]));
        setStatus(page.nextCursor ? 'idle' : 'done');
      } catch (failure) {
        if (mine !== generation.current) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        setStatus('error');
      } finally {
        if (mine === generation.current) inFlight.current = false;
      }
    },
    [client, path, key],
  );

  useEffect(() => {
    cursor.current = null;
    void fetchPage(true);
  }, [fetchPage]);

  const loadMore = useCallback(() => void fetchPage(false), [fetchPage]);
  // After a failure: the next page again, or the first one when none came.
  const retry = useCallback(
    () => void fetchPage(cursor.current === null && items.length === 0),
    [fetchPage, items.length],
  );
  return { items, status, ...(error === undefined ? {} : { error }), loadMore, retry };
};
