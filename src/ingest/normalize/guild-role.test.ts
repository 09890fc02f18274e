import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildRoleCreate, guildRoleDelete } from './fixtures/guild-events.ts';
import { context } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const adminRoleRow = {
  id: ids.adminRole,
  guildId: ids.guild,
  name: 'Admins',
  permissions: '8',
  position: 2,
  managed: false,
};

describe('GUILD_ROLE_*', () => {
  it.each(['GUILD_ROLE_CREATE', 'GUILD_ROLE_UPDATE'])('%s yields the role', (eventName) => {
    expect(normalizeDispatch(eventName, guildRoleCreate, context)).toEqual({
      kind: 'rows',
      rows: { roles: [adminRoleRow] },
    });
  });

  it('GUILD_ROLE_DELETE yields the deletion at the receive time', () => {
    expect(normalizeDispatch('GUILD_ROLE_DELETE', guildRoleDelete, context)).toEqual({
      kind: 'rows',
      rows: { roleDeletes: [{ id: ids.adminRole, guildId: ids.guild, at: receivedAt }] },
    });
  });

  it.each([
    {
      eventName: 'GUILD_ROLE_CREATE',
      data: { guild_id: ids.guild },
      reason: 'role: expected an object, received undefined',
    },
    {
      eventName: 'GUILD_ROLE_UPDATE',
      data: { ...guildRoleCreate, role: { ...guildRoleCreate.role, name: 'r'.repeat(201) } },
      reason: 'role.name: longer than 200 characters',
    },
    {
      eventName: 'GUILD_ROLE_UPDATE',
      data: { ...guildRoleCreate, role: { ...guildRoleCreate.role, permissions: '9'.repeat(41) } },
      reason: 'role.permissions: longer than 40 characters',
    },
    {
      eventName: 'GUILD_ROLE_DELETE',
      data: { ...guildRoleDelete, role_id: 'admins' },
      reason: 'role_id: expected a snowflake',
    },
    {
      eventName: 'GUILD_ROLE_DELETE',
      data: { role_id: ids.adminRole },
      reason: 'guild_id: expected a snowflake, received undefined',
    },
  ])('$eventName rejects: $reason', ({ eventName, data, reason }) => {
    expect(normalizeDispatch(eventName, data, context)).toEqual({
      kind: 'invalid',
      reason: `${eventName}: ${reason}`,
    });
  });
});
