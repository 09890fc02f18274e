import { describe, expect, it } from 'vitest';
import { ids } from './fixtures/discord-ids.ts';
import { auditBanAdd, auditChannelUpdate, auditRoleUpdate } from './fixtures/guild-events.ts';
import { context } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const normalize = (data: unknown) =>
  normalizeDispatch('GUILD_AUDIT_LOG_ENTRY_CREATE', data, context);
const actor = { guildId: ids.guild, actorDiscordId: ids.moderator };
/** The entry id's own time, not the receive time. */
const timestamp = new Date('2024-05-01T11:59:59.250Z');

describe('GUILD_AUDIT_LOG_ENTRY_CREATE', () => {
  it.each([
    {
      name: 'a role update: the roles added and removed, with the reason',
      data: auditRoleUpdate,
      row: {
        ...actor,
        kind: 'role',
        targetDiscordId: ids.bob,
        roleIds: [ids.adminRole, ids.memberRole],
        reason: 'promoted after the vote',
        timestamp,
      },
    },
    {
      name: 'a ban, without a reason',
      data: auditBanAdd,
      row: {
        ...actor,
        kind: 'ban',
        targetDiscordId: ids.newbie,
        roleIds: [],
        reason: null,
        timestamp,
      },
    },
    {
      name: 'an unban',
      data: { ...auditBanAdd, action_type: 23, reason: 'appeal accepted' },
      row: {
        ...actor,
        kind: 'unban',
        targetDiscordId: ids.newbie,
        roleIds: [],
        reason: 'appeal accepted',
        timestamp,
      },
    },
  ])('$name', ({ data, row }) => {
    expect(normalize(data)).toEqual({ kind: 'rows', rows: { auditActors: [row] } });
  });

  it.each([
    { name: 'actions it does not track', data: auditChannelUpdate },
    { name: 'an entry without an actor', data: { ...auditBanAdd, user_id: null } },
    { name: 'an entry without a target', data: { ...auditRoleUpdate, target_id: null } },
  ])('ignores $name', ({ data }) => {
    expect(normalize(data)).toEqual({ kind: 'ignored' });
  });

  it.each([
    { data: { ...auditRoleUpdate, action_type: '25' }, reason: 'action_type: expected an integer' },
    {
      data: { ...auditRoleUpdate, user_id: undefined },
      reason: 'user_id: expected a snowflake, received undefined',
    },
    {
      data: { ...auditRoleUpdate, reason: 'r'.repeat(1_025) },
      reason: 'reason: longer than 1024 characters',
    },
    {
      data: { ...auditRoleUpdate, changes: [{ key: '$add', new_value: 'Admins' }] },
      reason: 'changes.0.new_value: expected an array',
    },
    {
      data: { ...auditRoleUpdate, changes: [{ key: '$remove', new_value: [{ id: 'admins' }] }] },
      reason: 'changes.0.new_value.0.id: expected a snowflake',
    },
    {
      data: { ...auditRoleUpdate, changes: [{ new_value: [] }] },
      reason: 'changes.0.key: expected a string, received undefined',
    },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalize(data)).toEqual({
      kind: 'invalid',
      reason: `GUILD_AUDIT_LOG_ENTRY_CREATE: ${reason}`,
    });
  });
});
