import type { AnalyticsQuery } from '../../src/analytics/analytics-query.ts';
import type { Queryable } from '../../src/store/database.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';

/** A responder's latency samples in the window. */
export interface ReactionLatencyRow {
  userId: string;
  username: string;
  displayName: string;
  samples: number;
  averageMs: number;
  medianMs: number;
  fastSamples: number;
}

/**
 * Per responder (the member B who started typing after another member's message): samples,
 * average and median latency (whole ms) and samples faster than `fastMs`; most samples first,
 * then fastest average, then Discord id; at most `limit` members. Samples answering an
 * opted-out author are left out too.
 */
export const listReactionLatency = (
  db: Queryable,
  query: AnalyticsQuery,
  fastMs: number,
): Promise<ReactionLatencyRow[]> =>
  db.query<ReactionLatencyRow>(
    `WITH excluded AS MATERIALIZED ${optedOutUserIdsSql('$1')},
     per AS (
       SELECT e."userId", count(*)::int AS samples, round(avg(e."latencyMs"))::int AS "averageMs",
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY e."latencyMs"))::int AS "medianMs",
              count(*) FILTER (WHERE e."latencyMs" < $5)::int AS "fastSamples"
       FROM "ReactionLatency" e
       WHERE e."guildId" = $1 AND e.timestamp >= $2 AND e.timestamp < $3
         AND e."userId" NOT IN (SELECT id FROM excluded)
         AND e."targetUserId" NOT IN (SELECT id FROM excluded)
       GROUP BY 1
     )
     SELECT u."discordId" AS "userId", u.username,
            coalesce(u."globalName", u.username) AS "displayName",
            per.samples, per."averageMs", per."medianMs", per."fastSamples"
     FROM per JOIN "User" u ON u.id = per."userId"
     ORDER BY per.samples DESC, per."averageMs", u."discordId"
     LIMIT $4`,
    [
      query.guildId,
      query.window.from.toISOString(),
      query.window.to.toISOString(),
      query.limit,
      fastMs,
    ],
  );
