import type { UserRow } from '../../ingest/ingest-rows.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';
import { toStatementChunks } from './statement-chunks.ts';

/** What a batch says of one user: the full object if any payload carried one, a first guild. */
export interface UserMention {
  /** `null`: only the id is known (a partial user, or an id some other row mentions). */
  row: UserRow | null;
  guildId: string | null;
}

/** A batch's users by Discord id, folded with {@link mentionUser}. */
export type UserMentions = Map<string, UserMention>;

/**
 * Adds one mention of a user: a full object beats a partial one, among equals the later one
 * wins, and the first guild mentioned stays the user's first guild.
 */
export const mentionUser = (
  users: UserMentions,
  discordId: string,
  row: UserRow | null,
  guildId: string | null,
): void => {
  const known = users.get(discordId);
  if (known === undefined) users.set(discordId, { row, guildId });
  else if ((row?.username ?? null) !== null || (known.row?.username ?? null) === null) {
    known.row = row;
  }
};

const UPSERT_USERS =
  // Known users are left out before the upsert: ON CONFLICT would lock (and log) each of
  // them even when nothing changed.
  `INSERT INTO "User" ("discordId", username, discriminator, "globalName", avatar, "isBot", "guildId")
   SELECT d, COALESCE(u, ''), COALESCE(disc, '0'), g, a, COALESCE(b, false), guild
   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[])
     AS t(d, u, disc, g, a, b, guild)
   WHERE NOT EXISTS (
     SELECT 1 FROM "User" x WHERE x."discordId" = t.d
       AND (t.u IS NULL OR (x.username, x.discriminator, x."globalName", x.avatar, x."isBot")
         IS NOT DISTINCT FROM (t.u, COALESCE(t.disc, '0'), t.g, t.a, COALESCE(t.b, false))))
   ON CONFLICT ("discordId") DO UPDATE SET username = EXCLUDED.username,
     discriminator = EXCLUDED.discriminator, "globalName" = EXCLUDED."globalName",
     avatar = EXCLUDED.avatar, "isBot" = EXCLUDED."isBot", "updatedAt" = now()
   WHERE EXCLUDED.username <> ''
     AND ("User".username, "User".discriminator, "User"."globalName", "User".avatar, "User"."isBot")
       IS DISTINCT FROM
         (EXCLUDED.username, EXCLUDED.discriminator, EXCLUDED."globalName", EXCLUDED.avatar, EXCLUDED."isBot")`;

/**
 * Inserts unknown users and refreshes known ones from full user objects. A partial user (no
 * username) only makes sure the row exists; a row is rewritten only when something changed.
 */
export const upsertUsers = async (tx: OrderedQueryable, users: UserMentions): Promise<void> => {
  // Sorted, so that concurrent writers (one per shard) lock rows in one order: no deadlocks.
  const ids = [...users.keys()].sort();
  const statements: Statement[] = [];
  for (const chunk of toStatementChunks(ids)) {
    const mentions = chunk.map((id) => users.get(id) ?? { row: null, guildId: null });
    statements.push([
      UPSERT_USERS,
      [
        chunk,
        mentions.map((m) => m.row?.username ?? null),
        mentions.map((m) => m.row?.discriminator ?? null),
        mentions.map((m) => m.row?.globalName ?? null),
        mentions.map((m) => m.row?.avatar ?? null),
        mentions.map((m) => m.row?.isBot ?? null),
        mentions.map((m) => m.guildId),
      ],
    ]);
  }
  await queryInOrder(tx, statements);
};
