import type { TimelinePosition } from '../store/queries/analytics/list-timeline-events.ts';

/** An opaque cursor for the next page: the last event's `(timestamp, kind, id)`. */
export const toTimelineCursor = (position: TimelinePosition): string =>
  Buffer.from(JSON.stringify([position.at, position.kind, position.id])).toString('base64url');

/** Reads a cursor from a client; `undefined` when it is not one of ours. */
export const parseTimelineCursor = (cursor: string): TimelinePosition | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [at, kind, id] = value as unknown[];
    if (typeof at !== 'string' || typeof kind !== 'string' || typeof id !== 'string')
      return undefined;
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(at)) return undefined;
    return { at, kind, id };
  } catch {
    return undefined;
  }
};
