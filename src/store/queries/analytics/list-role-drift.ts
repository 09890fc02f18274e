import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { notOptedOutSql } from './opted-out-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';

/** One role change of a member, as the query reports it. */
export interface RoleChangeJson {
  roleId: string;
  /** Null when the role was never seen in a guild payload. */
  roleName: string | null;
  action: 'added' | 'removed';
  /** Discord id of who made the change; null when unknown (or when the actor opted out). */
  actorId: string | null;
  actorName: string | null;
  /** ISO 8601. */
  timestamp: string;
  /** The role's permission bits among those watched (the mask passed in). */
  watchedPermissions: number;
}

/** A member's role changes in the window. */
export interface RoleDriftRow {
  userId: string;
  username: string;
  displayName: string;
  addedCount: number;
  removedCount: number;
  escalation: boolean;
  changes: RoleChangeJson[];
}

/**
 * The role's permission string can exceed 2^63 (Discord keeps adding bits), so it is reduced
 * modulo 2^32 as numeric before the bigint AND with the mask (every watched bit is below 2^32).
 * Changes are listed oldest first; members with an escalation come first, then by number of
 * changes, then Discord id.
 */
const LIST_ROLE_DRIFT = `
  WITH changes AS (
    SELECT rc."userId", rc."roleId", rc.action, rc.timestamp, rc.id,
      CASE WHEN ${notOptedOutSql('rc."actorId"', '$1')} THEN rc."actorId" END AS actor,
      r.name AS role_name,
      CASE WHEN r.permissions ~ '^[0-9]+$'
        THEN (mod(r.permissions::numeric, 4294967296)::bigint & $4::bigint)::int ELSE 0
      END AS watched
    FROM "RoleChange" rc
    LEFT JOIN "GuildRole" r ON r.id = rc."roleId" AND r."guildId" = rc."guildId"
    WHERE rc."guildId" = $1 AND rc.timestamp >= $2 AND rc.timestamp < $3
  ), members AS (
    SELECT c."userId",
      count(*) FILTER (WHERE c.action = 'added')::int AS added,
      count(*) FILTER (WHERE c.action = 'removed')::int AS removed,
      COALESCE(bool_or(c.action = 'added' AND c.watched <> 0), false) AS escalation,
      jsonb_agg(jsonb_build_object(
        'roleId', c."roleId", 'roleName', c.role_name, 'action', c.action,
        'actorId', c.actor, 'actorName', COALESCE(a."globalName", a.username),
        'timestamp', to_char(c.timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'watchedPermissions', c.watched
      ) ORDER BY c.timestamp, c."roleId", c.action) AS changes
    FROM changes c
    LEFT JOIN "User" a ON a."discordId" = c.actor
    GROUP BY c."userId"
  )
  SELECT u."discordId" AS "userId", u.username,
    COALESCE(gm.nick, u."globalName", u.username) AS "displayName",
    m.added AS "addedCount", m.removed AS "removedCount", m.escalation, m.changes
  FROM members m
  JOIN "User" u ON u.id = m."userId"
  LEFT JOIN "GuildMember" gm ON gm."guildId" = $1 AND gm."userId" = m."userId"
  WHERE ${notOptedOutSql('u."discordId"', '$1')}
  ORDER BY m.escalation DESC, m.added + m.removed DESC, u."discordId"
  LIMIT $5`;

/**
 * Role changes per member in the window (PRODUCT.md analytic 6); `watchedMask` selects the
 * permission bits that make an added role an escalation.
 */
export const listRoleDrift = (
  db: Queryable,
  query: AnalyticsQuery,
  watchedMask: number,
): Promise<RoleDriftRow[]> =>
  runAnalyticsQuery<RoleDriftRow>(db, LIST_ROLE_DRIFT, [
    query.guildId,
    query.window.from,
    query.window.to,
    watchedMask,
    query.limit,
  ]);
