import { appendIngestRows, emptyIngestRows } from '../../ingest/ingest-rows.ts';
import { createLatencyTracker } from '../../ingest/normalize/latency-tracker.ts';
import { normalizeDispatch } from '../../ingest/normalize/normalize-dispatch.ts';
import { withLatencies } from '../../ingest/with-latencies.ts';
import type { Database } from '../../store/database.ts';
import { writeIngestRows } from '../../store/ingest-writes/write-ingest-rows.ts';

const BATCH_EVENTS = 2_000;

/**
 * Stores scenario events as if the bot had received each at its own time, through the same
 * normalizers and writes as the live bot, so that the demo opens on days of history.
 */
export const backfillHistory = async (
  db: Database,
  events: readonly { atMs: number; event: string; data: unknown }[],
): Promise<number> => {
  const tracker = createLatencyTracker();
  for (let start = 0; start < events.length; start += BATCH_EVENTS) {
    const rows = emptyIngestRows();
    for (const event of events.slice(start, start + BATCH_EVENTS)) {
      const receivedAt = new Date(event.atMs);
      const result = normalizeDispatch(event.event, event.data, {
        receivedAt,
        captureContent: () => false,
      });
      if (result.kind === 'rows')
        appendIngestRows(rows, withLatencies(result.rows, tracker, receivedAt));
    }
    await db.transaction((tx) => writeIngestRows(tx, rows));
  }
  return events.length;
};
