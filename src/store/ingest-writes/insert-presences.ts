import type { PresenceRow } from '../../ingest/ingest-rows.ts';
import type { Queryable } from '../database.ts';
import { toPresenceKey } from './presence-key.ts';

/**
 * Stores presence snapshots, skipping any identical to the member's previous one (within the
 * batch, or the last stored), and keeps each member's current presence on GuildMember.
 * Returns how many snapshots were stored.
 */
export const insertPresences = async (
  tx: Queryable,
  rows: readonly PresenceRow[],
): Promise<number> => {
  if (rows.length === 0) return 0;
  const params = [
    rows.map((r) => r.guildId),
    rows.map((r) => r.userDiscordId),
    rows.map((r) => r.status),
    rows.map((r) => JSON.stringify(r.clientStatus)),
    rows.map((r) => JSON.stringify(r.activities)),
    rows.map((r) => r.timestamp.toISOString()),
    rows.map(toPresenceKey),
  ];
  const input = `
    WITH input AS (
      SELECT t.*, u.id AS uid
      FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[],
                  $7::text[]) WITH ORDINALITY AS t(guild, d, status, cs, acts, ts, key, ord)
      JOIN "User" u ON u."discordId" = t.d
    )`;
  const inserted = await tx.query<{ count: number }>(
    `${input},
    marked AS (
      SELECT i.*, lag(i.key) OVER (PARTITION BY i.guild, i.uid ORDER BY i.ord) AS prev FROM input i
    ), stored AS (
      INSERT INTO "Presence" ("guildId", "userId", status, "clientStatus", activities, timestamp)
      SELECT m.guild, m.uid, m.status, m.cs, m.acts, m.ts
      FROM marked m
      LEFT JOIN "GuildMember" gm ON gm."guildId" = m.guild AND gm."userId" = m.uid
      WHERE m.key IS DISTINCT FROM COALESCE(m.prev, gm."presenceKey")
      ORDER BY m.ord
      RETURNING 1
    )
    SELECT count(*)::int AS count FROM stored`,
    params,
  );
  await tx.query(
    `${input},
    latest AS (
      SELECT DISTINCT ON (guild, uid) * FROM input ORDER BY guild, uid, ord DESC
    )
    MERGE INTO "GuildMember" m
    USING latest s ON m."guildId" = s.guild AND m."userId" = s.uid
    WHEN MATCHED AND m."presenceKey" IS DISTINCT FROM s.key THEN UPDATE SET
      status = s.status, "clientStatus" = s.cs, "presenceKey" = s.key, "presenceAt" = s.ts,
      "updatedAt" = now()
    WHEN NOT MATCHED THEN INSERT ("guildId", "userId", status, "clientStatus", "presenceKey", "presenceAt")
      VALUES (s.guild, s.uid, s.status, s.cs, s.key, s.ts)`,
    params,
  );
  return inserted[0]?.count ?? 0;
};
