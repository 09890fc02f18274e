/**
 * Stores one chunk of a batch's presence snapshots (marked by `toPresenceWrites`), in one
 * statement, so the rows are unpacked and their users looked up once; members are looked up
 * only to update them, or for a first snapshot that is not also the member's last. Every CTE
 * sees the tables as they were before the statement: `stored` compares with the member's
 * previous presence while `current` replaces it. Rows of users not stored yet are left out and
 * their Discord ids returned (`unknown`), for a second pass once they exist.
 */
export const INSERT_PRESENCES = `
  WITH batch AS MATERIALIZED (
    SELECT t.*, u.id AS uid,
      CASE WHEN t.is_first AND NOT t.is_last THEN
        (SELECT gm."presenceKey" FROM "GuildMember" gm
         WHERE gm."guildId" = t.guild AND gm."userId" = u.id)
      END AS stored_key
    FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[],
                $7::text[], $8::bool[], $9::bool[], $10::bool[])
      WITH ORDINALITY AS t(guild, d, status, cs, acts, ts, key, is_first, keep, is_last, ord)
    LEFT JOIN "User" u ON u."discordId" = t.d
  ), input AS MATERIALIZED (
    SELECT * FROM batch WHERE uid IS NOT NULL
  ), current AS (
    UPDATE "GuildMember" m SET status = s.status, "clientStatus" = s.cs, "presenceKey" = s.key,
      "presenceAt" = s.ts, "updatedAt" = now()
    FROM input s
    WHERE s.is_last AND m."guildId" = s.guild AND m."userId" = s.uid
      AND m."presenceKey" IS DISTINCT FROM s.key
    RETURNING s.ord
  ), joined AS (
    INSERT INTO "GuildMember" ("guildId", "userId", status, "clientStatus", "presenceKey", "presenceAt")
    SELECT s.guild, s.uid, s.status, s.cs, s.key, s.ts FROM input s
    WHERE s.is_last AND s.ord NOT IN (SELECT ord FROM current)
      AND NOT EXISTS (SELECT 1 FROM "GuildMember" m WHERE m."guildId" = s.guild AND m."userId" = s.uid)
    RETURNING "userId"
  ), stored AS (
    INSERT INTO "Presence" ("guildId", "userId", status, "clientStatus", activities, timestamp)
    SELECT i.guild, i.uid, i.status, i.cs, i.acts, i.ts FROM input i
    WHERE i.keep AND (
      NOT i.is_first
      OR (i.is_last AND (i.ord IN (SELECT ord FROM current) OR i.uid IN (SELECT "userId" FROM joined)))
      OR (NOT i.is_last AND i.key IS DISTINCT FROM i.stored_key))
    ORDER BY i.ord
    RETURNING 1
  )
  SELECT (SELECT count(*)::int FROM stored) AS count,
    ARRAY(SELECT DISTINCT d FROM batch WHERE uid IS NULL) AS unknown`;

/** Placeholder users, each named after the guild of their first snapshot. */
export const INSERT_PLACEHOLDER_USERS = `
  INSERT INTO "User" ("discordId", username, discriminator, "guildId")
  SELECT d, '', '0', guild FROM unnest($1::text[], $2::text[]) AS t(d, guild)
  ORDER BY d
  ON CONFLICT ("discordId") DO NOTHING`;
