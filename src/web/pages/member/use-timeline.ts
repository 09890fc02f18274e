import { useMemo } from 'react';
import type { TimelineEvent } from '../../api/api-types.ts';
import { type PagesState, usePages } from '../../hooks/use-pages.ts';

export interface TimelineFilter {
  kinds: readonly string[];
  search: string;
}

const PAGE_SIZE = 50;
/** The timeline reaches back this far (the API's longest window is 400 days, to its `now`). */
const HISTORY_MS = 399 * 86_400_000;

/** The member's timeline, newest first, 50 events a page; a new filter starts over. */
export const useTimeline = (
  guildId: string,
  userId: string,
  filter: TimelineFilter,
): PagesState<TimelineEvent> => {
  const kinds = filter.kinds.join(',');
  const search = filter.search.trim();
  const query = useMemo(
    () => ({
      limit: PAGE_SIZE,
      // Fixed when the filter changes, so every page of one listing asks the same window.
      from: new Date(Math.floor(Date.now() / 60_000) * 60_000 - HISTORY_MS).toISOString(),
      kinds: kinds || undefined,
      search: search || undefined,
    }),
    [kinds, search],
  );
  return usePages<TimelineEvent>(`/guilds/${guildId}/members/${userId}/timeline`, query);
};
