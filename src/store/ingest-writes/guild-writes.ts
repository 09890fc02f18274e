import type { GuildLeaveRow, GuildRow, RoleDeleteRow, RoleRow } from '../../ingest/ingest-rows.ts';
import type { Queryable } from '../database.ts';
import { lastByKey } from './last-by-key.ts';
import { type OrderedQueryable, queryInOrder, type Statement } from './query-in-order.ts';

/** Creates a placeholder guild for every id not stored yet, so no event is refused by a key. */
export const ensureGuilds = async (tx: Queryable, guildIds: ReadonlySet<string>): Promise<void> => {
  if (guildIds.size === 0) return;
  await tx.query(
    `INSERT INTO "Guild" (id, name) SELECT id, '' FROM unnest($1::text[]) AS t(id)
     ON CONFLICT (id) DO NOTHING`,
    [[...guildIds]],
  );
};

/** Upserts guilds seen in GUILD_CREATE / GUILD_UPDATE; a guild seen again is no longer "left". */
export const upsertGuilds = async (tx: Queryable, rows: readonly GuildRow[]): Promise<void> => {
  const guilds = lastByKey(rows, (row) => row.id);
  if (guilds.length === 0) return;
  await tx.query(
    `INSERT INTO "Guild" (id, name, icon, "ownerId", "memberCount")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, icon = EXCLUDED.icon,
       "ownerId" = EXCLUDED."ownerId",
       "memberCount" = COALESCE(EXCLUDED."memberCount", "Guild"."memberCount"),
       "leftAt" = NULL, "updatedAt" = now()`,
    [
      guilds.map((g) => g.id),
      guilds.map((g) => g.name),
      guilds.map((g) => g.icon),
      guilds.map((g) => g.ownerId),
      guilds.map((g) => g.memberCount),
    ],
  );
};

/** Marks guilds the bot left; their data is purged after the grace period. */
export const markGuildsLeft = async (
  tx: Queryable,
  rows: readonly GuildLeaveRow[],
): Promise<void> => {
  const leaves = lastByKey(rows, (row) => row.guildId);
  if (leaves.length === 0) return;
  await tx.query(
    `UPDATE "Guild" g SET "leftAt" = t.at, "updatedAt" = now()
     FROM unnest($1::text[], $2::timestamptz[]) AS t(id, at) WHERE g.id = t.id`,
    [leaves.map((row) => row.guildId), leaves.map((row) => row.at.toISOString())],
  );
};

/** Upserts roles with their permissions; deleted roles keep their row, marked deleted. */
export const writeRoles = async (
  tx: OrderedQueryable,
  rows: readonly RoleRow[],
  deletes: readonly RoleDeleteRow[],
): Promise<void> => {
  const roles = lastByKey(rows, (row) => row.id);
  const statements: Statement[] = [];
  if (roles.length > 0) {
    statements.push([
      `INSERT INTO "GuildRole" (id, "guildId", name, permissions, position, managed)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bool[])
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, permissions = EXCLUDED.permissions,
         position = EXCLUDED.position, managed = EXCLUDED.managed, "deletedAt" = NULL,
         "updatedAt" = now()`,
      [
        roles.map((r) => r.id),
        roles.map((r) => r.guildId),
        roles.map((r) => r.name),
        roles.map((r) => r.permissions),
        roles.map((r) => r.position),
        roles.map((r) => r.managed),
      ],
    ]);
  }
  if (deletes.length > 0) {
    statements.push([
      `UPDATE "GuildRole" r SET "deletedAt" = t.at, "updatedAt" = now()
       FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS t(id, guild, at)
       WHERE r.id = t.id AND r."guildId" = t.guild`,
      [
        deletes.map((d) => d.id),
        deletes.map((d) => d.guildId),
        deletes.map((d) => d.at.toISOString()),
      ],
    ]);
  }
  await queryInOrder(tx, statements);
};
