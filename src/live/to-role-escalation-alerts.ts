import { escalationMask, toEscalationPermissions } from '../analytics/escalation-permissions.ts';
import type { RoleGrantRow } from '../store/queries/live/list-role-grants.ts';
import type { RoleEscalationAlert } from './live-event.ts';

/** The grants of a powerful role (PRODUCT.md analytic 6's escalation), as alerts. */
export const toRoleEscalationAlerts = (
  grants: readonly RoleGrantRow[],
): { guildId: string; alert: RoleEscalationAlert }[] =>
  grants.flatMap((grant) => {
    if (!/^\d{1,40}$/.test(grant.permissions)) return [];
    const bits = Number(BigInt(grant.permissions) & BigInt(escalationMask));
    if (bits === 0) return [];
    return [
      {
        guildId: grant.guildId,
        alert: {
          kind: 'roleEscalation' as const,
          userId: grant.userId,
          roleId: grant.roleId,
          roleName: grant.roleName,
          permissions: toEscalationPermissions(bits),
          actorId: grant.actorId,
          at: grant.timestamp.toISOString(),
        },
      },
    ];
  });
