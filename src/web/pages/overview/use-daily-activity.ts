import { useEffect, useState } from 'react';
import type { Overview } from '../../api/api-types.ts';
import { useClient } from '../../hooks/client-context.ts';
import type { Loadable } from '../../hooks/use-api.ts';
import type { SeriesPoint } from '../../lib/fill-series.ts';

const DAY_MS = 86_400_000;

export interface DailyActivity {
  messages: SeriesPoint[];
  activeMembers: SeriesPoint[];
}

/**
 * Messages and active members per day over the last `days` days, from one overview call per
 * day (the API has no time series; days are fetched in parallel and each is cached server-side).
 */
export const useDailyActivity = (guildId: string, days: number): Loadable<DailyActivity> => {
  const client = useClient();
  const [state, setState] = useState<Loadable<DailyActivity>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    const endMs = Math.floor(Date.now() / 60_000) * 60_000;
    const starts = Array.from({ length: days }, (_, index) => endMs - (days - index) * DAY_MS);
    setState({ status: 'loading' });
    Promise.all(
      starts.map((fromMs) =>
        client.request<Overview>(`/guilds/${guildId}/overview`, {
          query: {
            from: new Date(fromMs).toISOString(),
            to: new Date(fromMs + DAY_MS).toISOString(),
          },
          signal: controller.signal,
        }),
      ),
    ).then(
      (overviews) =>
        setState({
          status: 'ok',
          data: {
            messages: overviews.map((o, i) => ({ atMs: starts[i] ?? 0, value: o.messageCount })),
            activeMembers: overviews.map((o, i) => ({
              atMs: starts[i] ?? 0,
              value: o.activeMembers,
            })),
          },
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
        }
      },
    );
    return () => controller.abort();
  }, [client, guildId, days]);
  return state;
};
