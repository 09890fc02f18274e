import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { clientPlatforms, isPlatformOnlineSql } from './client-platforms-sql.ts';
import { notOptedOutSql } from './opted-out-sql.ts';

/** One member's multi-client snapshots in the window. */
export interface MultiClientRow {
  userId: string;
  username: string;
  displayName: string;
  multiClientCount: number;
  /** Non-offline snapshots of the member in the window. */
  presenceCount: number;
  /** Each combination as `desktop+mobile` (platforms in Discord's order), most seen first. */
  combinations: { platforms: string; count: number }[];
  firstSeenAt: Date;
  lastSeenAt: Date;
}

const PLATFORM_COLUMNS = clientPlatforms
  .map((name) => `${isPlatformOnlineSql('p."clientStatus"', name)} AS ${name}`)
  .join(', ');
const PLATFORM_COUNT = clientPlatforms.map((name) => `${name}::int`).join(' + ');
const COMBINATION = `concat_ws('+', ${clientPlatforms
  .map((name) => `CASE WHEN ${name} THEN '${name}' END`)
  .join(', ')})`;

/**
 * Each non-offline snapshot's platforms (Discord's four clientStatus keys, when not offline)
 * are joined in a fixed order (desktop, mobile, web, embedded) into one combination key, with
 * plain column expressions rather than a jsonb set function per row. Members are counted and
 * limited first (by multi-client snapshots descending, then Discord id); combinations are
 * counted for the listed members only.
 */
const LIST_MULTI_CLIENT_MEMBERS = `
  WITH platforms AS (
    SELECT p."userId", p.timestamp,
      ${PLATFORM_COLUMNS}
    FROM "Presence" p
    WHERE p."guildId" = $1 AND p.timestamp >= $2 AND p.timestamp < $3 AND p.status <> 'offline'
  ), snapshots AS (
    SELECT "userId", timestamp, ${PLATFORM_COUNT} AS platforms, ${COMBINATION} AS combo
    FROM platforms
  ), members AS (
    SELECT "userId", count(*)::int AS total,
      count(*) FILTER (WHERE platforms >= 2)::int AS multi,
      min(timestamp) FILTER (WHERE platforms >= 2) AS first,
      max(timestamp) FILTER (WHERE platforms >= 2) AS last
    FROM snapshots
    GROUP BY "userId"
    HAVING count(*) FILTER (WHERE platforms >= 2) > 0
  ), top AS (
    SELECT m.*, u."discordId", u.username,
      COALESCE(gm.nick, u."globalName", u.username) AS "displayName"
    FROM members m
    JOIN "User" u ON u.id = m."userId"
    LEFT JOIN "GuildMember" gm ON gm."guildId" = $1 AND gm."userId" = m."userId"
    WHERE ${notOptedOutSql('u."discordId"', '$1')}
    ORDER BY m.multi DESC, u."discordId"
    LIMIT $4
  ), combos AS (
    SELECT s."userId", s.combo, count(*)::int AS n
    FROM snapshots s
    JOIN top t ON t."userId" = s."userId"
    WHERE s.platforms >= 2
    GROUP BY s."userId", s.combo
  ), combinations AS (
    SELECT c."userId",
      jsonb_agg(jsonb_build_object('platforms', c.combo, 'count', c.n) ORDER BY c.n DESC, c.combo)
        AS list
    FROM combos c
    GROUP BY c."userId"
  )
  SELECT t."discordId" AS "userId", t.username, t."displayName",
    t.multi AS "multiClientCount", t.total AS "presenceCount", c.list AS combinations,
    t.first AS "firstSeenAt", t.last AS "lastSeenAt"
  FROM top t
  JOIN combinations c ON c."userId" = t."userId"
  ORDER BY t.multi DESC, t."discordId"`;

/** Members seen on two or more platforms in one snapshot (PRODUCT.md analytic 2). */
export const listMultiClientMembers = (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<MultiClientRow[]> =>
  db.query<MultiClientRow>(LIST_MULTI_CLIENT_MEMBERS, [
    query.guildId,
    query.window.from,
    query.window.to,
    query.limit,
  ]);
