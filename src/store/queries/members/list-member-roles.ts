import type { Queryable } from '../../database.ts';

/** A role a member holds, with its permission bitfield (decimal string). */
export interface MemberRoleRow {
  id: string;
  name: string;
  position: number;
  permissions: string;
}

/** The roles among `roleIds` that the guild still has, highest first. */
export const listMemberRoles = (
  db: Queryable,
  guildId: string,
  roleIds: readonly string[],
): Promise<MemberRoleRow[]> =>
  db.query<MemberRoleRow>(
    `SELECT r.id, r.name, r.position, r.permissions FROM "GuildRole" r
     WHERE r."guildId" = $1 AND r.id = ANY($2::text[]) AND r."deletedAt" IS NULL
     ORDER BY r.position DESC, r.id COLLATE "C"`,
    [guildId, roleIds],
  );
