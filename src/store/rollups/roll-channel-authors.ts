import type { Database } from '../database.ts';
import {
  CHANNEL_AUTHORS_STATE_NAME,
  getRolledUntil,
  lockRollups,
  setRolledUntil,
} from './rollup-state.ts';
import { GET_EARLIEST_MESSAGE, UPSERT_CHANNEL_AUTHORS } from './rollup-statements.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const upsertDay = (db: Database, from: Date, to: Date, watermark: Date | null) =>
  db.transaction(async (tx) => {
    await lockRollups(tx);
    await tx.query(UPSERT_CHANNEL_AUTHORS, [from, to]);
    if (watermark) await setRolledUntil(tx, watermark, CHANNEL_AUTHORS_STATE_NAME);
  });

/**
 * Brings the channels' authors (ChannelAuthor) up to `until` (a whole hour, the per-member
 * rollups' watermark), one UTC day per transaction, redoing the last `redoHours` hours as the
 * rollups do. They keep their own watermark, so on a database rolled up before they existed
 * the first run reads every stored message (the upgrade), and the channel analytics read raw
 * rows until then. That first run reads the days newest first, so each pair is written once,
 * with its latest message, instead of once per day it was seen (90 days of the benchmark
 * dataset forward left 2.5 times the index pages), and sets the watermark at the end. Resolves
 * to hours read.
 */
export const rollChannelAuthors = async (
  db: Database,
  options: { until: Date; redoHours: number },
): Promise<number> => {
  const previous = await getRolledUntil(db, CHANNEL_AUTHORS_STATE_NAME);
  if (previous && previous >= options.until) return 0;
  const endMs = options.until.getTime();
  if (previous) {
    const startMs = previous.getTime() - options.redoHours * HOUR_MS;
    for (let dayMs = Math.floor(startMs / DAY_MS) * DAY_MS; dayMs < endMs; dayMs += DAY_MS) {
      const to = new Date(Math.min(dayMs + DAY_MS, endMs));
      await upsertDay(db, new Date(Math.max(dayMs, startMs)), to, to);
    }
    return (endMs - startMs) / HOUR_MS;
  }
  const [earliest] = await db.query<{ at: Date | null }>(GET_EARLIEST_MESSAGE);
  const startMs = earliest?.at
    ? Math.floor(new Date(earliest.at).getTime() / HOUR_MS) * HOUR_MS
    : endMs;
  for (
    let dayMs = Math.floor((endMs - 1) / DAY_MS) * DAY_MS;
    dayMs + DAY_MS > startMs;
    dayMs -= DAY_MS
  ) {
    const to = new Date(Math.min(dayMs + DAY_MS, endMs));
    await upsertDay(db, new Date(Math.max(dayMs, startMs)), to, null);
  }
  // Every message before `until` read (or none stored): the pairs are complete up to it.
  await db.transaction(async (tx) => {
    await lockRollups(tx);
    await setRolledUntil(tx, options.until, CHANNEL_AUTHORS_STATE_NAME);
  });
  const hours = Math.max(0, (endMs - startMs) / HOUR_MS);
  if (hours > 24) await db.query(`ANALYZE "ChannelAuthor"`);
  return hours;
};
