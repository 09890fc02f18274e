import type { Queryable } from '../store/database.ts';
import { listRoleDrift } from '../store/queries/analytics/list-role-drift.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import {
  type EscalationPermission,
  escalationMask,
  toEscalationPermissions,
} from './escalation-permissions.ts';
import { toWindowJson } from './to-window-json.ts';

export interface RoleDriftChange {
  roleId: string;
  roleName: string | null;
  action: 'added' | 'removed';
  actorId: string | null;
  actorName: string | null;
  timestamp: string;
  /** The escalation permissions the role grants (empty for a harmless role). */
  escalationPermissions: EscalationPermission[];
}

export interface RoleDriftMember {
  userId: string;
  username: string;
  displayName: string;
  addedCount: number;
  removedCount: number;
  /** A role granting Administrator, Manage Server, Manage Roles, Ban or Kick Members was added. */
  escalation: boolean;
  /** Oldest first. */
  changes: RoleDriftChange[];
}

export interface RoleDriftResult {
  guildId: string;
  window: { from: string; to: string };
  items: RoleDriftMember[];
}

/**
 * Role drift (PRODUCT.md analytic 6). A role's permissions are its last known ones (a role
 * edited since the change is judged as it is now; a role never seen grants nothing). An
 * escalation stands even if the role was removed again within the window. The actor comes
 * from the audit log and is null when unknown or opted out. Members with an escalation come
 * first, then by number of changes, then Discord id.
 */
export const getRoleDrift = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<RoleDriftResult> => {
  const rows = await listRoleDrift(db, query, escalationMask);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    items: rows.map((row) => ({
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      addedCount: row.addedCount,
      removedCount: row.removedCount,
      escalation: row.escalation,
      changes: row.changes.map(({ watchedPermissions, ...change }) => ({
        ...change,
        escalationPermissions: toEscalationPermissions(watchedPermissions),
      })),
    })),
  };
};
