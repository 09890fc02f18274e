import type { Queryable } from '../store/database.ts';
import { listTimelineAnchors } from '../store/queries/analytics/list-timeline-anchors.ts';
import {
  listTimelineEvents,
  type TimelineKind,
  type TimelinePosition,
  timelineKinds,
} from '../store/queries/analytics/list-timeline-events.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toTimelineCursor } from './timeline-cursor.ts';
import { anomalyThresholds, toAnomalyMarks } from './to-anomaly-marks.ts';
import { toWindowJson } from './to-window-json.ts';

export interface TimelineOptions {
  /** The member's Discord id. */
  userId: string;
  /** Kinds to show; all when absent. */
  kinds?: readonly TimelineKind[];
  /** Text to find; see `getTimeline`. */
  search?: string;
  /** From `parseTimelineCursor`: the page after this position. */
  before?: TimelinePosition;
}

/**
 * PRODUCT.md analytic 12: one member's events in the window, newest first, `limit` per page,
 * keyset-paged on `(timestamp, kind, id)` so equal timestamps never lose or repeat an event;
 * `nextCursor` is null on the last page. Channel names are not stored, so `search` matches
 * message content (where the guild stores it), reaction emoji and presence activity names and
 * details case-insensitively, and channel ids exactly (messages, typing, reactions, voice);
 * other kinds never match a search. Each event carries anomaly `marks`, measured against the
 * member's messages and joins whatever the filters, so they do not change at a page edge.
 */
export const getTimeline = async (
  db: Queryable,
  query: AnalyticsQuery,
  options: TimelineOptions,
) => {
  const rows = await listTimelineEvents(db, {
    guildId: query.guildId,
    userId: options.userId,
    window: query.window,
    kinds: options.kinds ?? timelineKinds,
    search: options.search ?? null,
    before: options.before ?? null,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const messages = page.filter((e) => e.kind === 'message');
  const oldest = messages.at(-1);
  const newest = messages[0];
  const anchors =
    oldest && newest
      ? await listTimelineAnchors(
          db,
          { guildId: query.guildId, userId: options.userId },
          new Date(oldest.timestamp.getTime() - anomalyThresholds.afterJoinMs),
          newest.timestamp,
        )
      : [];
  const last = page.at(-1);
  return {
    guildId: query.guildId,
    userId: options.userId,
    window: toWindowJson(query.window),
    items: page.map((e) => ({
      kind: e.kind,
      id: e.id,
      timestamp: e.timestamp.toISOString(),
      detail: e.detail,
      marks: toAnomalyMarks(e, anchors),
    })),
    nextCursor: rows.length > query.limit && last ? toTimelineCursor(last) : null,
  };
};
