import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import type { Queryable } from '../../database.ts';
import { getTotalsPlans } from '../../rollups/get-rollup-plan.ts';
import { activityPiecesSql } from './activity-pieces-sql.ts';
import { clientPlatforms, isPlatformOnlineSql } from './client-platforms-sql.ts';
import { memberSumsSql, memberTotalsSql, totalsEndsSql } from './member-totals-sql.ts';
import { optedOutUserIdsSql } from './opted-out-user-ids-sql.ts';
import { runAnalyticsQuery } from './run-analytics-query.ts';
import { createSqlParams } from './sql-params.ts';

/** The overview's counts: current membership and presence, and activity in the window. */
export interface OverviewCountsRow {
  membersTracked: number;
  onlineNow: number;
  multiClientNow: number;
  messageCount: number;
  activeMembers: number;
}

/**
 * "Now" comes from GuildMember (each member's current presence, kept by the ingest), so it
 * needs no scan of history.
 */
const currentCountsSql = `
  SELECT count(*)::int AS "membersTracked",
    (count(*) FILTER (WHERE gm.status <> 'offline'))::int AS "onlineNow",
    (count(*) FILTER (WHERE gm.status <> 'offline' AND ${clientPlatforms
      .map((name) => `(${isPlatformOnlineSql('gm."clientStatus"', name)})::int`)
      .join(' + ')} >= 2))::int AS "multiClientNow"
  FROM "GuildMember" gm
  WHERE gm."guildId" = $1 AND gm."leftAt" IS NULL
    AND gm."userId" NOT IN ${optedOutUserIdsSql('$1')}`;

/**
 * Window counts: messages and active members (any message, typing or reaction) from the
 * running totals for whole days and from rollups and raw rows at the ends, summed per member
 * (see memberSumsSql).
 */
const windowCountsSql = (sums: string) => `
  SELECT COALESCE(sum(a.messages), 0)::int AS "messageCount", count(*)::int AS "activeMembers"
  FROM (${sums}) a
  WHERE a.active > 0 AND a."userId" NOT IN ${optedOutUserIdsSql('$1')}`;

/** The counts behind the overview (PRODUCT.md analytic 1). */
export const getOverviewCounts = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<OverviewCountsRow> => {
  const [plan] = await getTotalsPlans(db, query.guildId, [query.window]);
  if (!plan) throw new Error('No plan for the window.');
  const params = createSqlParams([query.guildId]);
  const sums = memberSumsSql(
    plan.totals
      ? `SELECT t."userId", t.messages, t.messages + t.typing + t.reactions AS active
      FROM (${memberTotalsSql(plan.totals, params, '$1', ['messages', 'typing', 'reactions'])}) t`
      : '',
    totalsEndsSql(
      plan,
      (rest, sign) => `SELECT a."userId", ${sign}a.messages AS messages,
        ${sign}(a.messages + a.typing + a.reactions) AS active
      FROM (${activityPiecesSql(rest, params, '$1')}) a`,
    ),
    ['messages', 'active'],
  );
  // Two independent reads, run side by side (on a pool, two connections).
  const [[current], [window]] = await Promise.all([
    runAnalyticsQuery<Pick<OverviewCountsRow, 'membersTracked' | 'onlineNow' | 'multiClientNow'>>(
      db,
      currentCountsSql,
      [query.guildId],
    ),
    runAnalyticsQuery<Pick<OverviewCountsRow, 'messageCount' | 'activeMembers'>>(
      db,
      windowCountsSql(sums),
      params.values,
    ),
  ]);
  if (!current || !window) throw new Error('The overview queries returned no row.');
  return { ...current, ...window };
};
