import { GatewayIntentBits as Intents } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { hasEventIntent, needsContentStripped, toContentStripped } from './gateway-intents.ts';

describe('intent filtering', () => {
  it.each([
    ['PRESENCE_UPDATE', Intents.GuildPresences],
    ['GUILD_MEMBER_UPDATE', Intents.GuildMembers],
    ['GUILD_BAN_ADD', Intents.GuildModeration],
    ['GUILD_AUDIT_LOG_ENTRY_CREATE', Intents.GuildModeration],
    ['MESSAGE_CREATE', Intents.GuildMessages],
    ['TYPING_START', Intents.GuildMessageTyping],
    ['MESSAGE_REACTION_ADD', Intents.GuildMessageReactions],
    ['VOICE_STATE_UPDATE', Intents.GuildVoiceStates],
    ['GUILD_CREATE', Intents.Guilds],
  ])('%s needs intent %i', (event, intent) => {
    expect(hasEventIntent(intent, event)).toBe(true);
    expect(hasEventIntent(~intent & 0xffffff, event)).toBe(false);
  });

  it('always sends events no intent governs', () => {
    for (const event of [
      'READY',
      'RESUMED',
      'GUILD_MEMBERS_CHUNK',
      'RATE_LIMITED',
      'USER_UPDATE',
    ]) {
      expect(hasEventIntent(0, event)).toBe(true);
    }
  });

  it('strips message content without MessageContent, except for the bot’s own or mentioning messages', () => {
    const message = {
      content: 'hi',
      author: { id: '2' },
      mentions: [],
      embeds: [{}],
      attachments: [{}],
    };
    expect(needsContentStripped(Intents.GuildMessages, 'MESSAGE_CREATE', message, '1')).toBe(true);
    expect(needsContentStripped(Intents.MessageContent, 'MESSAGE_CREATE', message, '1')).toBe(
      false,
    );
    expect(
      needsContentStripped(0, 'MESSAGE_CREATE', { ...message, author: { id: '1' } }, '1'),
    ).toBe(false);
    expect(
      needsContentStripped(0, 'MESSAGE_CREATE', { ...message, mentions: [{ id: '1' }] }, '1'),
    ).toBe(false);
    expect(needsContentStripped(0, 'MESSAGE_DELETE', message, '1')).toBe(false);
    expect(toContentStripped(message)).toMatchObject({ content: '', embeds: [], attachments: [] });
  });
});
