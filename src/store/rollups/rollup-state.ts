import type { Queryable } from '../database.ts';

/** The RollupState row of the per-member rollups (PresenceRollup, ActivityRollup…). */
export const ROLLUP_STATE_NAME = 'analytics';
/** The RollupState row of the guild quarter-hour counts (GuildQuarterCount). */
export const GUILD_COUNTS_STATE_NAME = 'guild-quarter-counts';
/** The RollupState row of the channels' authors (ChannelAuthor). */
export const CHANNEL_AUTHORS_STATE_NAME = 'channel-authors';

/**
 * Serializes rollup transactions across processes: under READ COMMITTED, two runs replacing
 * the same buckets at once would both insert after deleting, and one would fail on the key.
 * Member erasure takes it too, so a run cannot count rows an erasure is deleting.
 */
export const lockRollups = (tx: Queryable) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtext('spywatcher.rollups'))`);

/** Where the rollups named `name` reach, or null before their first run. */
export const getRolledUntil = async (
  db: Queryable,
  name: string = ROLLUP_STATE_NAME,
): Promise<Date | null> => {
  const [row] = await db.query<{ rolledUntil: Date }>(
    `SELECT "rolledUntil" FROM "RollupState" WHERE name = $1`,
    [name],
  );
  return row ? new Date(row.rolledUntil) : null;
};

/** Moves the watermark of the rollups named `name`. */
export const setRolledUntil = (tx: Queryable, at: Date, name: string = ROLLUP_STATE_NAME) =>
  tx.query(
    `INSERT INTO "RollupState" (name, "rolledUntil") VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET "rolledUntil" = excluded."rolledUntil", "updatedAt" = now()`,
    [name, at],
  );
