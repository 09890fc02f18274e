import type { Queryable } from '../database.ts';

/**
 * Every identifier a member has in the store: their Discord id and the internal ids of their
 * User rows. A Discord snowflake and a uuid never collide, so one list matches any column.
 */
export const listMemberIds = async (db: Queryable, discordId: string): Promise<string[]> => {
  const rows = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE "discordId" = $1`, [
    discordId,
  ]);
  return [discordId, ...rows.map((row) => row.id)];
};

/** `%id%` patterns for matching ids inside free-form text or JSON. */
export const toMentionPatterns = (ids: readonly string[]): string[] => ids.map((id) => `%${id}%`);
