import type { Database } from '../../database.ts';
import { rebuildRollups } from '../rebuild-rollups.ts';

/**
 * For tests that write events and then query analytics: rebuilds the rollups up to the hour
 * of the latest stored event, so whole hours are read from rollups and the rest (that last
 * hour, partial hours at window edges) from raw rows, as in production.
 */
export const rollUpStoredEvents = async (db: Database): Promise<void> => {
  const [latest] = await db.query<{ at: Date | null }>(
    `SELECT greatest((SELECT max(timestamp) FROM "Presence"), (SELECT max(timestamp) FROM "Message"),
       (SELECT max(timestamp) FROM "TypingEvent"), (SELECT max(timestamp) FROM "ReactionEvent")) AS at`,
  );
  if (!latest?.at) return;
  await rebuildRollups(db, new Date(latest.at));
};
