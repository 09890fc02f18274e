import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Orm } from '../database.ts';
import { quotaUsage } from '../schema/auth.ts';

/** One key's requests on one endpoint in one UTC day. */
export interface QuotaUsageRow {
  date: string;
  endpoint: string;
  count: number;
}

/** A key's recorded usage for the days `from`…`to` (`YYYY-MM-DD`, inclusive), oldest first. */
export const listQuotaUsage = (
  orm: Orm,
  apiKeyId: string,
  days: { from: string; to: string },
): Promise<QuotaUsageRow[]> =>
  orm
    .select({ date: quotaUsage.date, endpoint: quotaUsage.endpoint, count: quotaUsage.count })
    .from(quotaUsage)
    .where(
      and(
        eq(quotaUsage.apiKeyId, apiKeyId),
        gte(quotaUsage.date, days.from),
        lte(quotaUsage.date, days.to),
      ),
    )
    .orderBy(asc(quotaUsage.date), asc(quotaUsage.endpoint));
