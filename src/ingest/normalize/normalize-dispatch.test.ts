import { describe, expect, it } from 'vitest';
import {
  reactionAddUnicode,
  reactionRemoveCustom,
  typingStart,
  voiceJoin,
} from './fixtures/channel-events.ts';
import { ids } from './fixtures/discord-ids.ts';
import { guildCreate } from './fixtures/guild-create.ts';
import {
  auditRoleUpdate,
  guildDeleteRemoved,
  guildRoleCreate,
  guildRoleDelete,
} from './fixtures/guild-events.ts';
import { junk, mutate, randomFrom } from './fixtures/junk.ts';
import {
  guildBanAdd,
  guildMemberAdd,
  guildMemberRemove,
  guildMemberUpdate,
} from './fixtures/members.ts';
import {
  messageCreate,
  messageDelete,
  messageDeleteBulk,
  messageUpdate,
} from './fixtures/messages.ts';
import { context } from './fixtures/normalize-context.ts';
import { presenceUpdate } from './fixtures/presence-update.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

/** One valid payload per recorded dispatch type. */
const fixtures: Record<string, unknown> = {
  GUILD_CREATE: guildCreate,
  GUILD_UPDATE: guildCreate,
  GUILD_DELETE: guildDeleteRemoved,
  GUILD_MEMBERS_CHUNK: {
    guild_id: ids.guild,
    members: guildCreate.members,
    chunk_index: 0,
    chunk_count: 1,
  },
  GUILD_ROLE_CREATE: guildRoleCreate,
  GUILD_ROLE_UPDATE: guildRoleCreate,
  GUILD_ROLE_DELETE: guildRoleDelete,
  PRESENCE_UPDATE: presenceUpdate,
  MESSAGE_CREATE: messageCreate,
  MESSAGE_UPDATE: messageUpdate,
  MESSAGE_DELETE: messageDelete,
  MESSAGE_DELETE_BULK: messageDeleteBulk,
  TYPING_START: typingStart,
  MESSAGE_REACTION_ADD: reactionAddUnicode,
  MESSAGE_REACTION_REMOVE: reactionRemoveCustom,
  GUILD_MEMBER_ADD: guildMemberAdd,
  GUILD_MEMBER_REMOVE: guildMemberRemove,
  GUILD_MEMBER_UPDATE: guildMemberUpdate,
  GUILD_BAN_ADD: guildBanAdd,
  GUILD_BAN_REMOVE: guildBanAdd,
  VOICE_STATE_UPDATE: voiceJoin,
  GUILD_AUDIT_LOG_ENTRY_CREATE: auditRoleUpdate,
};
const eventNames = Object.keys(fixtures);

describe('normalizeDispatch', () => {
  it.each(eventNames)('turns a valid %s into rows', (eventName) => {
    expect(normalizeDispatch(eventName, fixtures[eventName], context).kind).toBe('rows');
  });

  it.each([
    'READY',
    'RESUMED',
    'CHANNEL_CREATE',
    'CHANNEL_UPDATE',
    'CHANNEL_DELETE',
    'THREAD_CREATE',
    'INTERACTION_CREATE',
    'MESSAGE_REACTION_REMOVE_ALL',
    'presence_update',
    '',
    '__proto__',
    'constructor',
  ])('ignores %j, which Spywatcher does not record', (eventName) => {
    expect(normalizeDispatch(eventName, presenceUpdate, context)).toEqual({ kind: 'ignored' });
  });

  it.each(['PRESENCE_UPDATE', 'GUILD_MEMBER_ADD', 'GUILD_BAN_ADD', 'GUILD_AUDIT_LOG_ENTRY_CREATE'])(
    '%s without guild_id is invalid: Discord sends it only in guilds',
    (eventName) => {
      const { guild_id, ...data } = fixtures[eventName] as { guild_id: string };
      expect(normalizeDispatch(eventName, data, context)).toEqual({
        kind: 'invalid',
        reason: `${eventName}: guild_id: expected a snowflake, received undefined`,
      });
    },
  );

  it('reports a failing collaborator as invalid rather than throwing', () => {
    const failing = {
      ...context,
      captureContent: () => {
        throw new Error('settings unavailable');
      },
    };
    expect(normalizeDispatch('MESSAGE_CREATE', messageCreate, failing)).toEqual({
      kind: 'invalid',
      reason: 'MESSAGE_CREATE: settings unavailable',
    });
  });

  it('never throws on junk, and names the event in every reason', () => {
    const random = randomFrom(20_240_501);
    const payloads = Object.values(fixtures);
    const kinds = { rows: 0, ignored: 0, invalid: 0 };
    for (let i = 0; i < 20_000; i++) {
      const eventName = eventNames[i % eventNames.length] ?? 'PRESENCE_UPDATE';
      const data = i % 2 === 0 ? junk(random) : mutate(payloads[i % payloads.length], random);
      const result = normalizeDispatch(eventName, data, context);
      kinds[result.kind] += 1;
      if (result.kind === 'invalid') expect(result.reason.startsWith(`${eventName}: `)).toBe(true);
    }
    // Some mutations keep the payload valid (an optional field dropped): every path runs.
    expect(kinds.rows).toBeGreaterThan(0);
    expect(kinds.ignored).toBeGreaterThan(0);
    expect(kinds.invalid).toBeGreaterThan(10_000);
  });
});
