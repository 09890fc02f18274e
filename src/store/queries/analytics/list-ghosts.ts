import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getTotalsPlans } from '../../rollups/get-rollup-plan.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { memberSumsSql, memberTotalsSql, totalsEndsSql } from './member-totals-sql.ts';
import { namedTopSql } from './named-top-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

/** One ghost candidate: counts in the window, before scoring. */
export interface GhostRow {
  userId: string;
  username: string;
  displayName: string;
  presenceCount: number;
  messageCount: number;
  typingCount: number;
}

export interface GhostThresholds {
  minPresence: number;
  maxMessages: number;
}

/**
 * Per member: non-offline snapshots, messages and typing over the window — whole days from the
 * running totals (two rows per member), the ends from hourly and daily rollups and raw rows —
 * summed per member (see memberSumsSql); members with enough presence and few enough messages are ranked by
 * ghostScore (the first `limit`, with ties) before their names are read, then ordered by
 * ghostScore, then Discord id.
 */
export const listGhosts = async (
  db: Queryable,
  query: AnalyticsQuery,
  thresholds: GhostThresholds,
): Promise<GhostRow[]> => {
  const [plan] = await getTotalsPlans(db, query.guildId, [query.window]);
  if (!plan) throw new Error('No plan for the window.');
  const params = createSqlParams([
    query.guildId,
    thresholds.minPresence,
    thresholds.maxMessages,
    query.limit,
  ]);
  const sums = memberSumsSql(
    plan.totals ? memberTotalsSql(plan.totals, params, '$1', ['online', 'messages', 'typing']) : '',
    totalsEndsSql(
      plan,
      (rest, sign) => `SELECT p."userId", ${sign}p.online AS online, 0 AS messages, 0 AS typing
      FROM (${presencePiecesSql(rest, params, '$1')}) p
      UNION ALL
      SELECT a."userId", 0 AS online, ${sign}a.messages AS messages, ${sign}a.typing AS typing
      FROM (${activityPiecesSql(rest, params, '$1')}) a`,
    ),
    ['online', 'messages', 'typing'],
  );
  const sql = `
    WITH per AS (
      SELECT c."userId", c.online AS n, c.messages, c.typing
      FROM (${sums}) c
      WHERE c.online > 0 AND c.online >= $2 AND c.messages <= $3
    ), top AS (${namedTopSql('per', (a) => `${a}.n::float8 / (${a}.messages + 1) DESC`, '$4', '$1')}
    )
    SELECT t."discordId" AS "userId", t.username, t."displayName", t.n AS "presenceCount",
      t.messages AS "messageCount", t.typing AS "typingCount"
    FROM top t
    ORDER BY t.n::float8 / (t.messages + 1) DESC, t."discordId"`;
  return runAnalyticsQuery<GhostRow>(db, sql, params.values);
};
