import { describe, expect, it } from 'vitest';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { guildDeleteOutage, guildDeleteRemoved } from './fixtures/guild-events.ts';
import { context } from './fixtures/normalize-context.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

const normalize = (data: unknown) => normalizeDispatch('GUILD_DELETE', data, context);

describe('GUILD_DELETE', () => {
  it.each([
    { name: 'removal', data: guildDeleteRemoved },
    { name: 'unavailable: false', data: { ...guildDeleteRemoved, unavailable: false } },
  ])('records a leave on $name', ({ data }) => {
    expect(normalize(data)).toEqual({
      kind: 'rows',
      rows: { guildLeaves: [{ guildId: ids.guild, at: receivedAt }] },
    });
  });

  it('ignores an outage', () => {
    expect(normalize(guildDeleteOutage)).toEqual({ kind: 'ignored' });
  });

  it.each([
    { data: {}, reason: 'id: expected a snowflake, received undefined' },
    { data: { id: ids.guild, unavailable: 'yes' }, reason: 'unavailable: expected a boolean' },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalize(data)).toEqual({ kind: 'invalid', reason: `GUILD_DELETE: ${reason}` });
  });
});
