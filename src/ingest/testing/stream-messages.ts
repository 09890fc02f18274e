import type { DiscordSimulator } from '../../simulator/discord-simulator.ts';
import { toMessageCreate, toTypingStart } from '../../simulator/scenario/message-payloads.ts';
import { toSnowflake } from '../../simulator/snowflake.ts';
import type { smallGuild } from './sim-guild.ts';

/**
 * Pushes `count` messages (each with its own Discord id) and `count` typing events (which have
 * no natural key, so only the resume logic keeps them exactly once), pausing now and then so
 * the stream spreads over time. `beforeEach` runs before event pair `i`.
 */
export const streamMessagesAndTyping = async (
  sim: DiscordSimulator,
  guild: ReturnType<typeof smallGuild>,
  count: number,
  beforeEach: (i: number) => void = () => undefined,
): Promise<void> => {
  const [alice, bob] = guild.members;
  if (!alice || !bob) throw new Error('the guild needs two members');
  const start = Date.now();
  for (let i = 0; i < count; i += 1) {
    beforeEach(i);
    const atMs = start + i;
    const { guildId, textChannel: channelId } = guild;
    const id = toSnowflake(atMs, i % 4_096);
    sim.dispatch(
      guildId,
      'MESSAGE_CREATE',
      toMessageCreate({ id, guildId, channelId, author: alice, content: `m${i}`, atMs }),
    );
    sim.dispatch(guildId, 'TYPING_START', toTypingStart({ guildId, channelId, member: bob, atMs }));
    if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
