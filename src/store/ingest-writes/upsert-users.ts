import type { UserRow } from '../../ingest/ingest-rows.ts';
import type { Queryable } from '../database.ts';

/** A user to make sure of: what a payload said (fields null when partial) and a first guild. */
export interface UserInput {
  row: UserRow;
  guildId: string | null;
}

/**
 * Inserts unknown users and refreshes known ones from full user objects. A partial user (no
 * username) only makes sure the row exists; a row is rewritten only when something changed.
 */
export const upsertUsers = async (tx: Queryable, inputs: readonly UserInput[]): Promise<void> => {
  const byId = new Map<string, UserInput>();
  for (const input of inputs) {
    const known = byId.get(input.row.discordId);
    // A full object beats a partial one; among equals, the later one wins.
    if (!known || input.row.username !== null || known.row.username === null) {
      byId.set(input.row.discordId, { row: input.row, guildId: known?.guildId ?? input.guildId });
    }
  }
  // Sorted, so that concurrent writers (one per shard) lock rows in one order: no deadlocks.
  const users = [...byId.values()].sort((a, b) => (a.row.discordId < b.row.discordId ? -1 : 1));
  if (users.length === 0) return;
  await tx.query(
    `INSERT INTO "User" ("discordId", username, discriminator, "globalName", avatar, "isBot", "guildId")
     SELECT d, COALESCE(u, ''), COALESCE(disc, '0'), g, a, COALESCE(b, false), guild
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[])
       AS t(d, u, disc, g, a, b, guild)
     ON CONFLICT ("discordId") DO UPDATE SET username = EXCLUDED.username,
       discriminator = EXCLUDED.discriminator, "globalName" = EXCLUDED."globalName",
       avatar = EXCLUDED.avatar, "isBot" = EXCLUDED."isBot", "updatedAt" = now()
     WHERE EXCLUDED.username <> ''
       AND ("User".username, "User".discriminator, "User"."globalName", "User".avatar, "User"."isBot")
         IS DISTINCT FROM
           (EXCLUDED.username, EXCLUDED.discriminator, EXCLUDED."globalName", EXCLUDED.avatar, EXCLUDED."isBot")`,
    [
      users.map((u) => u.row.discordId),
      users.map((u) => u.row.username),
      users.map((u) => u.row.discriminator),
      users.map((u) => u.row.globalName),
      users.map((u) => u.row.avatar),
      users.map((u) => u.row.isBot),
      users.map((u) => u.guildId),
    ],
  );
};
