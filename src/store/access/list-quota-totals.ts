import type { Queryable } from '../database.ts';

/** A key's recorded requests on one endpoint today and this month. */
export interface QuotaTotalRow {
  endpoint: string;
  today: number;
  month: number;
}

/** Per endpoint, a key's recorded count on `day` and from `monthStart` to `day`. */
export const listQuotaTotals = async (
  db: Queryable,
  apiKeyId: string,
  window: { day: string; monthStart: string },
): Promise<QuotaTotalRow[]> => {
  const rows = await db.query<{ endpoint: string; today: string | number; month: string | number }>(
    `SELECT "endpoint",
            COALESCE(SUM("count") FILTER (WHERE "date" = $2::date), 0) AS today,
            SUM("count") AS month
     FROM "QuotaUsage"
     WHERE "apiKeyId" = $1 AND "date" >= $3::date AND "date" <= $2::date
     GROUP BY "endpoint"`,
    [apiKeyId, window.day, window.monthStart],
  );
  return rows.map((row) => ({
    endpoint: row.endpoint,
    today: Number(row.today),
    month: Number(row.month),
  }));
};
