import type { Queryable } from '../store/database.ts';
import { type BurstRule, listJoinBursts } from '../store/queries/analytics/list-join-bursts.ts';
import { listJoinsPerHour } from '../store/queries/analytics/list-joins-per-hour.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toWindowJson } from './to-window-json.ts';

/** PRODUCT.md's burst rule: 10 joins within 5 minutes. */
export const burstDefaults: BurstRule = { size: 10, minutes: 5 };

/**
 * PRODUCT.md analytic 10. `items`: joins per hour (hours truncated in `query.timeZone`, given
 * as UTC instants, only hours with joins, oldest first, not limited). `bursts`: at least
 * `rule.size` joins within `rule.minutes` (inclusive: the first and last may be exactly that
 * far apart); overlapping bursts merge into one; only joins inside the window count. Each
 * burst gives its first and last join, size, the share (0–1) of accounts younger than 7 days
 * at join, and the members' Discord ids. At most `limit` bursts, oldest first.
 */
export const getJoins = async (
  db: Queryable,
  query: AnalyticsQuery,
  rule: BurstRule = burstDefaults,
) => {
  const [hours, bursts] = await Promise.all([
    listJoinsPerHour(db, query),
    listJoinBursts(db, query, rule),
  ]);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    items: hours.map((h) => ({ hour: h.hour.toISOString(), joins: h.joins })),
    bursts: bursts.map((b) => ({
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      size: b.size,
      youngAccountShare: b.youngAccounts / b.size,
      memberIds: b.memberIds,
    })),
  };
};
