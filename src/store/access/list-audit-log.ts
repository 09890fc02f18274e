import type { Queryable } from '../database.ts';

/** One audit row as the API lists it; `cursor` is its exact (microsecond) position. */
export interface AuditLogRow {
  id: string;
  userId: string | null;
  actorDiscordId: string | null;
  action: string;
  resource: string | null;
  resourceId: string | null;
  guildId: string | null;
  details: unknown;
  ipAddress: string | null;
  userAgent: string | null;
  timestamp: Date;
  /** `timestamp` in UTC to the microsecond, for keyset paging without loss. */
  position: string;
}

/** Filters of the audit listing; `userId` scopes it to one actor (non-admins see their own). */
export interface AuditLogFilter {
  userId?: string | undefined;
  action?: string | undefined;
  /** A user id or a Discord id. */
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Rows strictly after this (timestamp, id) in newest-first order. */
  before?: { position: string; id: string } | undefined;
  limit: number;
}

/** Audit rows newest first, by (timestamp, id), filtered. */
export const listAuditLog = async (
  db: Queryable,
  filter: AuditLogFilter,
): Promise<AuditLogRow[]> => {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.userId !== undefined) where.push(`a."userId" = ${param(filter.userId)}`);
  if (filter.action !== undefined) where.push(`a."action" = ${param(filter.action)}`);
  if (filter.actor !== undefined) {
    const actor = param(filter.actor);
    where.push(`(a."userId" = ${actor} OR u."discordId" = ${actor})`);
  }
  if (filter.from) where.push(`a."timestamp" >= ${param(filter.from.toISOString())}::timestamptz`);
  if (filter.to) where.push(`a."timestamp" < ${param(filter.to.toISOString())}::timestamptz`);
  if (filter.before) {
    const at = param(filter.before.position);
    const id = param(filter.before.id);
    where.push(`(a."timestamp", a."id") < (${at}::timestamptz, ${id})`);
  }
  const rows = await db.query<Omit<AuditLogRow, 'timestamp'> & { timestamp: Date | string }>(
    `SELECT a."id", a."userId", u."discordId" AS "actorDiscordId", a."action", a."resource",
            a."resourceId", a."guildId", a."details", a."ipAddress", a."userAgent", a."timestamp",
            to_char(a."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "position"
     FROM "AuditLog" a LEFT JOIN "User" u ON u."id" = a."userId"
     ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
     ORDER BY a."timestamp" DESC, a."id" DESC
     LIMIT ${param(filter.limit)}`,
    params,
  );
  return rows.map((row) => ({ ...row, timestamp: new Date(row.timestamp) }));
};
