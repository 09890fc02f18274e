import { describe, expect, it } from 'vitest';
import { escalationMask, toEscalationPermissions } from './escalation-permissions.ts';

describe('escalation permissions', () => {
  it('masks the five watched bits', () => {
    expect(escalationMask).toBe(0x1000_002e);
  });

  it.each([
    [0, []],
    [0x1, []],
    [0x8, ['ADMINISTRATOR']],
    [0x2 | 0x4, ['KICK_MEMBERS', 'BAN_MEMBERS']],
    [0x20 | 0x1000_0000, ['MANAGE_GUILD', 'MANAGE_ROLES']],
    [0x1000_002e, ['KICK_MEMBERS', 'BAN_MEMBERS', 'ADMINISTRATOR', 'MANAGE_GUILD', 'MANAGE_ROLES']],
  ])('bits %i → %j', (bits, names) => {
    expect(toEscalationPermissions(bits)).toEqual(names);
  });
});
