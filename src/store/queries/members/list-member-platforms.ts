import type { TimeWindow } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { clientPlatforms, isPlatformOnlineSql } from '../analytics/client-platforms-sql.ts';

/** A platform a member was seen on in the window. */
export interface MemberPlatformRow {
  platform: (typeof clientPlatforms)[number];
  snapshots: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** Per platform, the member's presence snapshots in the window that show it, in Discord's order. */
export const listMemberPlatforms = (
  db: Queryable,
  guildId: string,
  userId: string,
  window: TimeWindow,
): Promise<MemberPlatformRow[]> =>
  db.query<MemberPlatformRow>(
    `WITH snapshots AS (
       SELECT p.timestamp, ${clientPlatforms
         .map((name) => `${isPlatformOnlineSql('p."clientStatus"', name)} AS ${name}`)
         .join(', ')}
       FROM "Presence" p JOIN "User" u ON u.id = p."userId"
       WHERE u."discordId" = $2 AND p."guildId" = $1 AND p.timestamp >= $3 AND p.timestamp < $4
     )
     ${clientPlatforms
       .map(
         (name, order) =>
           `SELECT '${name}' AS platform, ${order} AS ord, count(*)::int AS snapshots,
              min(timestamp) AS "firstSeenAt", max(timestamp) AS "lastSeenAt"
            FROM snapshots WHERE ${name} HAVING count(*) > 0`,
       )
       .join(' UNION ALL ')}
     ORDER BY ord`,
    [guildId, userId, window.from, window.to],
  );
