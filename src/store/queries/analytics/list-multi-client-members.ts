import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getRollupPlan, getTotalsPlans } from '../../rollups/get-rollup-plan.ts';
import { platformsComboSql } from './client-platforms-sql.ts';
import { memberSumsSql, memberTotalsSql, totalsEndsSql } from './member-totals-sql.ts';
import { namedTopSql } from './named-top-sql.ts';
import { presenceCombosSql, presencePiecesSql } from './presence-pieces-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

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

/**
 * A snapshot's platforms are Discord's four clientStatus keys whose value is not offline,
 * joined in a fixed order (desktop, mobile, web, embedded) into one combination key. Members
 * are counted and limited first (by multi-client snapshots descending, then Discord id);
 * combinations are counted for the listed members only. Whole rolled-up hours come from the
 * rollups, the rest of the window from raw snapshots.
 */
export const listMultiClientMembers = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<MultiClientRow[]> => {
  const [totals] = await getTotalsPlans(db, query.guildId, [query.window]);
  if (!totals) throw new Error('No plan for the window.');
  const plan = await getRollupPlan(db, [query.window], query.now);
  const params = createSqlParams([query.guildId, query.limit]);
  const sums = memberSumsSql(
    totals.totals ? memberTotalsSql(totals.totals, params, '$1', ['online', 'multi']) : '',
    totalsEndsSql(
      totals,
      (rest, sign) => `SELECT p."userId", ${sign}p.online AS online, ${sign}p.multi AS multi
      FROM (${presencePiecesSql(rest, params, '$1')}) p`,
    ),
    ['online', 'multi'],
  );
  const sql = `
    WITH counted AS (
      SELECT c."userId", c.online AS total, c.multi
      FROM (${sums}) c
      WHERE c.multi > 0
    ), top AS (${namedTopSql('counted', (a) => `${a}.multi DESC`, '$2', '$1')}
    ), times AS (
      SELECT p."userId", min(p."firstMultiAt") AS first, max(p."lastMultiAt") AS last
      FROM (${presencePiecesSql(plan, params, '$1', '(SELECT "userId" FROM top)')}) p
      GROUP BY p."userId"
    ), combos AS (
      SELECT c."userId", ${platformsComboSql('c.mask')} AS combo, sum(c.snapshots)::int AS n
      FROM (${presenceCombosSql(plan, params, '$1', '(SELECT "userId" FROM top)')}) c
      GROUP BY c."userId", c.mask
    ), combinations AS (
      SELECT c."userId",
        jsonb_agg(jsonb_build_object('platforms', c.combo, 'count', c.n) ORDER BY c.n DESC, c.combo)
          AS list
      FROM combos c
      GROUP BY c."userId"
    )
    SELECT t."discordId" AS "userId", t.username, t."displayName",
      t.multi AS "multiClientCount", t.total AS "presenceCount", c.list AS combinations,
      s.first AS "firstSeenAt", s.last AS "lastSeenAt"
    FROM top t
    JOIN combinations c ON c."userId" = t."userId"
    JOIN times s ON s."userId" = t."userId"
    ORDER BY t.multi DESC, t."discordId"`;
  return runAnalyticsQuery<MultiClientRow>(db, sql, params.values);
};
