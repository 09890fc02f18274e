import type { Database } from '../database.ts';
import { type EraseCounts, eraseMemberIn } from './erase-member.ts';

/**
 * Records the member's objection in every guild (the suppression marker, `guildId` null) and
 * erases what is held about them, in one transaction.
 */
export const optOutMember = (db: Database, discordId: string, now: Date): Promise<EraseCounts> =>
  db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO "OptOut" ("discordId", "guildId", "createdAt") VALUES ($1, NULL, $2)
       ON CONFLICT ON CONSTRAINT "OptOut_discordId_guildId_key" DO NOTHING`,
      [discordId, now.toISOString()],
    );
    return eraseMemberIn(tx, discordId);
  });

/** Removes every opt-out marker of the member: collection resumes. Returns how many went. */
export const optInMember = async (db: Database, discordId: string): Promise<number> => {
  const rows = await db.query<{ id: string }>(
    `DELETE FROM "OptOut" WHERE "discordId" = $1 RETURNING id`,
    [discordId],
  );
  return rows.length;
};

/** Whether the member opted out everywhere, and the guilds they opted out of one by one. */
export const getOptOutState = async (
  db: Database,
  discordId: string,
): Promise<{ everywhere: boolean; guildIds: string[] }> => {
  const rows = await db.query<{ guildId: string | null }>(
    `SELECT "guildId" FROM "OptOut" WHERE "discordId" = $1 ORDER BY "guildId"`,
    [discordId],
  );
  return {
    everywhere: rows.some((row) => row.guildId === null),
    guildIds: rows.flatMap((row) => (row.guildId === null ? [] : [row.guildId])),
  };
};
