import type { Database } from '../database.ts';
import {
  GUILD_COUNTS_STATE_NAME,
  getRolledUntil,
  lockRollups,
  setRolledUntil,
} from './rollup-state.ts';
import {
  DELETE_CHANNEL_HOUR_COUNTS,
  DELETE_GUILD_QUARTER_COUNTS,
  GET_EARLIEST_EVENT,
  INSERT_CHANNEL_HOUR_COUNTS,
  INSERT_GUILD_QUARTER_COUNTS,
} from './rollup-statements.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Brings the guild quarter-hour counts (GuildQuarterCount) and the channels' hourly counts
 * (ChannelHourCount) up to `until` (a whole hour, the per-member rollups' watermark), one UTC
 * day per transaction, redoing the last `redoHours` counted hours as the member rollups do.
 * They keep their own watermark, so on a database rolled up before they existed the first run
 * counts every stored event (the upgrade; migration 0015 forgets the watermark for the same
 * reason), and the analytics read raw rows for whatever they do not cover yet. Resolves to
 * hours counted.
 */
export const rollGuildCounts = async (
  db: Database,
  options: { until: Date; redoHours: number },
): Promise<number> => {
  const previous = await getRolledUntil(db, GUILD_COUNTS_STATE_NAME);
  if (previous && previous >= options.until) return 0;
  let startMs: number;
  if (previous) {
    startMs = previous.getTime() - options.redoHours * HOUR_MS;
  } else {
    const [earliest] = await db.query<{ at: Date | null }>(GET_EARLIEST_EVENT);
    if (!earliest?.at) return 0;
    startMs = Math.floor(new Date(earliest.at).getTime() / HOUR_MS) * HOUR_MS;
  }
  const endMs = options.until.getTime();
  if (startMs >= endMs) return 0;
  for (let dayMs = Math.floor(startMs / DAY_MS) * DAY_MS; dayMs < endMs; dayMs += DAY_MS) {
    const range = [new Date(Math.max(dayMs, startMs)), new Date(Math.min(dayMs + DAY_MS, endMs))];
    await db.transaction(async (tx) => {
      await lockRollups(tx);
      await tx.query(DELETE_GUILD_QUARTER_COUNTS, range);
      await tx.query(INSERT_GUILD_QUARTER_COUNTS, range);
      await tx.query(DELETE_CHANNEL_HOUR_COUNTS, range);
      await tx.query(INSERT_CHANNEL_HOUR_COUNTS, range);
      await setRolledUntil(tx, range[1] as Date, GUILD_COUNTS_STATE_NAME);
    });
  }
  const hours = (endMs - startMs) / HOUR_MS;
  if (hours > 24) await db.query(`ANALYZE "GuildQuarterCount", "ChannelHourCount"`);
  return hours;
};
