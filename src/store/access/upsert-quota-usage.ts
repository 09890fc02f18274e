import type { Queryable } from '../database.ts';

/** Requests to add to one key's count for one endpoint and UTC day. */
export interface QuotaUsageDelta {
  apiKeyId: string;
  endpoint: string;
  date: string;
  count: number;
}

/**
 * Adds a batch of counts to QuotaUsage in one statement. Rows of keys deleted meanwhile are
 * dropped by the join, so one vanished key cannot make the whole batch fail forever.
 */
export const upsertQuotaUsage = async (
  db: Queryable,
  deltas: readonly QuotaUsageDelta[],
): Promise<void> => {
  if (deltas.length === 0) return;
  await db.query(
    `INSERT INTO "QuotaUsage" ("apiKeyId", "endpoint", "date", "count")
     SELECT u.key_id, u.endpoint, u.day::date, u.n
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS u(key_id, endpoint, day, n)
     JOIN "ApiKey" k ON k.id = u.key_id
     ON CONFLICT ("apiKeyId", "endpoint", "date")
     DO UPDATE SET "count" = "QuotaUsage"."count" + EXCLUDED."count"`,
    [
      deltas.map((delta) => delta.apiKeyId),
      deltas.map((delta) => delta.endpoint),
      deltas.map((delta) => delta.date),
      deltas.map((delta) => delta.count),
    ],
  );
};

/** Moves each key's `lastUsedAt` forward (never back) in one statement. */
export const touchApiKeys = async (
  db: Queryable,
  lastUsed: readonly { apiKeyId: string; at: Date }[],
): Promise<void> => {
  if (lastUsed.length === 0) return;
  await db.query(
    `UPDATE "ApiKey" k SET "lastUsedAt" = GREATEST(k."lastUsedAt", u.at)
     FROM unnest($1::text[], $2::timestamptz[]) AS u(key_id, at)
     WHERE k.id = u.key_id`,
    [lastUsed.map((entry) => entry.apiKeyId), lastUsed.map((entry) => entry.at.toISOString())],
  );
};
