import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getRollupPlan, getTotalsPlans } from '../../rollups/get-rollup-plan.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { memberSumsSql, memberTotalsSql, totalsEndsSql } from './member-totals-sql.ts';
import { namedTopSql } from './named-top-sql.ts';
import { presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

/** A lurker: seen online often enough in the window, never active there. */
export interface LurkerRow {
  userId: string;
  username: string;
  displayName: string;
  presenceCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/**
 * Per member: non-offline snapshots and activity (messages, typing, reactions) over the window
 * — whole days from the running totals, the ends from rollups and raw rows — summed per member
 * (see memberSumsSql);
 * members seen often enough and never active are named and ordered by presenceCount
 * descending, then Discord id; first and last online times are read for those listed only.
 */
export const listLurkers = async (
  db: Queryable,
  query: AnalyticsQuery,
  minPresence: number,
): Promise<LurkerRow[]> => {
  const [plan] = await getTotalsPlans(db, query.guildId, [query.window]);
  if (!plan) throw new Error('No plan for the window.');
  const params = createSqlParams([query.guildId, minPresence, query.limit]);
  const sums = memberSumsSql(
    plan.totals
      ? `SELECT t."userId", t.online, t.messages + t.typing + t.reactions AS active
      FROM (${memberTotalsSql(plan.totals, params, '$1', ['online', 'messages', 'typing', 'reactions'])}) t`
      : '',
    totalsEndsSql(
      plan,
      (rest, sign) => `SELECT p."userId", ${sign}p.online AS online, 0 AS active
      FROM (${presencePiecesSql(rest, params, '$1')}) p
      UNION ALL
      SELECT a."userId", 0 AS online, ${sign}(a.messages + a.typing + a.reactions) AS active
      FROM (${activityPiecesSql(rest, params, '$1')}) a`,
    ),
    ['online', 'active'],
  );
  const whole = await getRollupPlan(db, [query.window], query.now);
  const sql = `
    WITH per AS (
      SELECT c."userId", c.online AS n
      FROM (${sums}) c
      WHERE c.online > 0 AND c.online >= $2 AND c.active = 0
    ), top AS (${namedTopSql('per', (a) => `${a}.n DESC`, '$3', '$1')}
    ), seen AS (
      SELECT s."userId", min(s."firstOnlineAt") AS first, max(s."lastOnlineAt") AS last
      FROM (${presencePiecesSql(whole, params, '$1', '(SELECT "userId" FROM top)')}) s
      GROUP BY s."userId"
    )
    SELECT t."discordId" AS "userId", t.username, t."displayName", t.n AS "presenceCount",
      s.first AS "firstSeenAt", s.last AS "lastSeenAt"
    FROM top t
    JOIN seen s ON s."userId" = t."userId"
    ORDER BY t.n DESC, t."discordId"`;
  return runAnalyticsQuery<LurkerRow>(db, sql, params.values);
};
