import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdNow, utc, uuidKey } from './columns.ts';
import { users } from './user.ts';

const auditColumns = () => ({
  action: text('action').notNull(),
  /** The guild the action concerns, when it concerns one. */
  guildId: text('guildId'),
  resource: text('resource'),
  resourceId: text('resourceId'),
  details: jsonb('details'),
  ipAddress: text('ipAddress'),
  userAgent: text('userAgent'),
  timestamp: createdNow('timestamp'),
});

/** Security-relevant actions (seed: AuditLog); the actor becomes null when erased. */
export const auditLogs = pgTable(
  'AuditLog',
  {
    id: uuidKey(),
    userId: text('userId').references(() => users.id, { onDelete: 'set null' }),
    ...auditColumns(),
  },
  (t) => [
    index('AuditLog_userId_timestamp_idx').on(t.userId, t.timestamp),
    index('AuditLog_action_idx').on(t.action),
    index('AuditLog_timestamp_idx').on(t.timestamp),
    index('AuditLog_ipAddress_idx').on(t.ipAddress),
  ],
);

/** Audit rows past retention, moved here by the seed's cleanup; no foreign keys. */
export const auditLogArchive = pgTable(
  'AuditLogArchive',
  {
    id: text('id').primaryKey(),
    userId: text('userId'),
    ...auditColumns(),
    archivedAt: utc('archivedAt').notNull().defaultNow(),
  },
  (t) => [
    index('AuditLogArchive_userId_idx').on(t.userId),
    index('AuditLogArchive_timestamp_idx').on(t.timestamp),
  ],
);
