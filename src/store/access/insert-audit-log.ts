import type { Orm } from '../database.ts';
import { auditLogs } from '../schema/audit.ts';

/** One security-relevant action; `details` must never hold a token or secret. */
export interface AuditEntry {
  userId: string | null;
  action: string;
  resource?: string;
  resourceId?: string;
  guildId?: string;
  details?: Record<string, unknown>;
  ipAddress: string | null;
  userAgent: string | null;
  timestamp: Date;
}

/** Appends an AuditLog row. */
export const insertAuditLog = async (orm: Orm, entry: AuditEntry): Promise<void> => {
  await orm.insert(auditLogs).values({
    userId: entry.userId,
    action: entry.action,
    resource: entry.resource ?? null,
    resourceId: entry.resourceId ?? null,
    guildId: entry.guildId ?? null,
    details: entry.details ?? null,
    ipAddress: entry.ipAddress,
    userAgent: entry.userAgent,
    timestamp: entry.timestamp,
  });
};
