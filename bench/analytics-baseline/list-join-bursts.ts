import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';

/** What makes a burst: at least `size` joins within `minutes`. */
export interface BurstRule {
  size: number;
  minutes: number;
}

/** A burst of joins: its first and last join, size, young accounts and members (Discord ids). */
export interface JoinBurstRow {
  start: Date;
  end: Date;
  size: number;
  youngAccounts: number;
  memberIds: string[];
}

/**
 * Bursts of joins in the window, oldest first, at most `limit`. A join ends a qualifying span
 * when at least `size` joins (itself included) fall in the `minutes` up to and including it;
 * overlapping qualifying spans merge into one burst holding every join they cover. Young
 * accounts were less than 7 days old at join.
 */
export const listJoinBursts = (
  db: Queryable,
  query: AnalyticsQuery,
  rule: BurstRule,
): Promise<JoinBurstRow[]> =>
  db.query<JoinBurstRow>(
    `WITH joins AS (
       SELECT e.timestamp, u."discordId", e.timestamp - e."accountCreatedAt" < interval '7 days' AS young,
              count(*) OVER (ORDER BY e.timestamp
                             RANGE BETWEEN make_interval(mins => $5) PRECEDING AND CURRENT ROW) AS n
       FROM "MemberEvent" e JOIN "User" u ON u.id = e."userId"
       WHERE e."guildId" = $1 AND e.timestamp >= $2 AND e.timestamp < $3 AND e.type = 'join'
         AND e."userId" NOT IN ${optedOutUserIdsSql('$1')}
     ), ends AS (
       SELECT DISTINCT timestamp FROM joins WHERE n >= $4
     ), flagged AS (
       SELECT timestamp, CASE WHEN timestamp - lag(timestamp) OVER (ORDER BY timestamp)
                                   <= make_interval(mins => $5) THEN 0 ELSE 1 END AS first
       FROM ends
     ), spans AS (
       SELECT sum(first) OVER (ORDER BY timestamp) AS burst, timestamp FROM flagged
     ), bursts AS (
       SELECT burst, min(timestamp) - make_interval(mins => $5) AS lo, max(timestamp) AS hi
       FROM spans GROUP BY burst
     )
     SELECT min(j.timestamp) AS start, max(j.timestamp) AS "end", count(*)::int AS size,
            count(*) FILTER (WHERE j.young)::int AS "youngAccounts",
            array_agg(j."discordId" ORDER BY j.timestamp, j."discordId") AS "memberIds"
     FROM bursts b JOIN joins j ON j.timestamp BETWEEN b.lo AND b.hi
     GROUP BY b.burst
     ORDER BY start
     LIMIT $6`,
    [
      query.guildId,
      query.window.from.toISOString(),
      query.window.to.toISOString(),
      rule.size,
      rule.minutes,
      query.limit,
    ],
  );
