import { describe, expect, it } from 'vitest';
import { voiceJoin, voiceLeave } from './fixtures/channel-events.ts';
import { ids, receivedAt } from './fixtures/discord-ids.ts';
import { context } from './fixtures/normalize-context.ts';
import { userRows } from './fixtures/user-rows.ts';
import { normalizeDispatch } from './normalize-dispatch.ts';

describe('VOICE_STATE_UPDATE', () => {
  it.each([
    { name: 'joining a channel', data: voiceJoin, channelId: ids.voice },
    { name: 'leaving voice (channel_id null)', data: voiceLeave, channelId: null },
  ])('$name', ({ data, channelId }) => {
    expect(normalizeDispatch('VOICE_STATE_UPDATE', data, context)).toEqual({
      kind: 'rows',
      rows: {
        users: [userRows.bob],
        voiceStates: [
          { guildId: ids.guild, userDiscordId: ids.bob, channelId, timestamp: receivedAt },
        ],
      },
    });
  });

  it('ignores a voice state outside a guild', () => {
    expect(
      normalizeDispatch('VOICE_STATE_UPDATE', { ...voiceJoin, guild_id: undefined }, context),
    ).toEqual({
      kind: 'ignored',
    });
  });

  it.each([
    {
      data: { ...voiceJoin, channel_id: undefined },
      reason: 'channel_id: expected a snowflake, received undefined',
    },
    { data: { ...voiceJoin, user_id: 'me' }, reason: 'user_id: expected a snowflake' },
  ])('rejects: $reason', ({ data, reason }) => {
    expect(normalizeDispatch('VOICE_STATE_UPDATE', data, context)).toEqual({
      kind: 'invalid',
      reason: `VOICE_STATE_UPDATE: ${reason}`,
    });
  });
});
