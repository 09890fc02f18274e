import type { Queryable } from '../../database.ts';

/** A member's role list as a batch stored it: whose, in which guild, when. */
export interface RoleListKey {
  guildId: string;
  userDiscordId: string;
  timestamp: Date;
}

/** A role the ingest recorded as added, with the role's name and permission bits. */
export interface RoleGrantRow {
  guildId: string;
  userId: string;
  roleId: string;
  roleName: string;
  /** Decimal permission bitfield, as Discord sends it. */
  permissions: string;
  actorId: string | null;
  timestamp: Date;
}

/**
 * The roles added by the given role lists (the RoleChange rows the writer diffed from them),
 * through the (userId, timestamp) index. Roles the guild does not know are left out.
 */
export const listRoleGrants = (
  db: Queryable,
  keys: readonly RoleListKey[],
): Promise<RoleGrantRow[]> =>
  db.query<RoleGrantRow>(
    `SELECT rc."guildId", u."discordId" AS "userId", rc."roleId", r.name AS "roleName",
       r.permissions, rc."actorId", rc.timestamp
     FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS k(guild, d, ts)
     JOIN "User" u ON u."discordId" = k.d
     JOIN "RoleChange" rc ON rc."userId" = u.id AND rc.timestamp = k.ts
       AND rc."guildId" = k.guild AND rc.action = 'added'
     JOIN "GuildRole" r ON r.id = rc."roleId" AND r."guildId" = rc."guildId"
     ORDER BY rc.timestamp, u."discordId" COLLATE "C", rc."roleId" COLLATE "C"`,
    [
      keys.map((key) => key.guildId),
      keys.map((key) => key.userDiscordId),
      keys.map((key) => key.timestamp.toISOString()),
    ],
  );
