import { toQuotaCategory } from './quota-category.ts';
import { type KeyQuota, type QuotaCategory, quotaCategories } from './tier-limits.ts';

/** One quota group's use against its limits. */
export interface QuotaStanding {
  daily: { used: number; limit: number; remaining: number };
  monthly: { used: number; limit: number; remaining: number };
}

/** Recorded requests per endpoint (`METHOD /route`) today and this month. */
export interface EndpointTotals {
  endpoint: string;
  today: number;
  month: number;
}

/** The quota group of a recorded endpoint (`GET /api/v1/guilds/:guildId/ghosts` → analytics). */
export const toEndpointCategory = (endpoint: string): QuotaCategory | undefined =>
  toQuotaCategory(endpoint.slice(endpoint.indexOf(' ') + 1));

/** Sums endpoint totals per quota group and sets them against the key's quota. */
export const toQuotaStanding = (
  totals: readonly EndpointTotals[],
  quota: KeyQuota,
): Record<QuotaCategory, QuotaStanding> => {
  const standing = (category: QuotaCategory): QuotaStanding => {
    const rows = totals.filter((row) => toEndpointCategory(row.endpoint) === category);
    const today = rows.reduce((sum, row) => sum + row.today, 0);
    const month = rows.reduce((sum, row) => sum + row.month, 0);
    const { daily, monthly } = quota[category];
    return {
      daily: { used: today, limit: daily, remaining: Math.max(0, daily - today) },
      monthly: { used: month, limit: monthly, remaining: Math.max(0, monthly - month) },
    };
  };
  return Object.fromEntries(
    quotaCategories.map((category) => [category, standing(category)]),
  ) as Record<QuotaCategory, QuotaStanding>;
};
