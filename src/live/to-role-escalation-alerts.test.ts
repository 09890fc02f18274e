import { describe, expect, it } from 'vitest';
import type { RoleGrantRow } from '../store/queries/live/list-role-grants.ts';
import { toRoleEscalationAlerts } from './to-role-escalation-alerts.ts';

const grant = (permissions: string, roleId = '900'): RoleGrantRow => ({
  guildId: '1',
  userId: '10',
  roleId,
  roleName: `role ${roleId}`,
  permissions,
  actorId: null,
  timestamp: new Date(Date.UTC(2026, 10, 10)),
});

describe('toRoleEscalationAlerts', () => {
  const cases: [string, string, string[]][] = [
    ['Administrator', '8', ['ADMINISTRATOR']],
    ['Kick and Ban', '6', ['KICK_MEMBERS', 'BAN_MEMBERS']],
    ['Manage Server', '32', ['MANAGE_GUILD']],
    ['Manage Roles beyond 2^31', String(0x1000_0000 + 2 ** 40), ['MANAGE_ROLES']],
    ['Send Messages only', '2048', []],
    ['no permissions', '0', []],
    ['not a bitfield', 'x', []],
  ];
  for (const [name, bits, permissions] of cases) {
    it(name, () => {
      const alerts = toRoleEscalationAlerts([grant(bits)]);
      expect(alerts.map((a) => a.alert.permissions)).toEqual(
        permissions.length ? [permissions] : [],
      );
    });
  }
  it('names member, role and time', () => {
    expect(toRoleEscalationAlerts([grant('8')])).toEqual([
      {
        guildId: '1',
        alert: {
          kind: 'roleEscalation',
          userId: '10',
          roleId: '900',
          roleName: 'role 900',
          permissions: ['ADMINISTRATOR'],
          actorId: null,
          at: '2026-11-10T00:00:00.000Z',
        },
      },
    ]);
  });
});
