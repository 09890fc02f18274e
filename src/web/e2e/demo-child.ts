import { createInterface } from 'node:readline';
import { ChannelType } from 'discord-api-types/v10';
import { parseConfig } from '../../config/config.ts';
import { runDemo } from '../../main/demo/run-demo.ts';
import type { DiscordSimulator } from '../../simulator/discord-simulator.ts';
import { toMessageCreate } from '../../simulator/scenario/message-payloads.ts';
import { toPresenceUpdate } from '../../simulator/scenario/presence-payloads.ts';
import { toSnowflake } from '../../simulator/snowflake.ts';

/** What the test asks for on stdin, one JSON object a line. */
type Command = { push: 'message' | 'multiClient'; userId: string };

let pushed = 0;

const push = (sim: DiscordSimulator, guildId: string, command: Command): string => {
  const guild = sim.getGuild(guildId);
  const member = guild?.members.get(command.userId);
  const channel = guild?.channels.find((candidate) => candidate.type === ChannelType.GuildText);
  if (!guild || !member || !channel) throw new Error(`cannot push for ${command.userId}`);
  const nowMs = Date.now();
  pushed += 1;
  if (command.push === 'message') {
    const id = toSnowflake(nowMs, pushed);
    sim.dispatch(
      guildId,
      'MESSAGE_CREATE',
      toMessageCreate({
        id,
        guildId,
        channelId: channel.id,
        author: member,
        content: 'hello from the e2e test',
        atMs: nowMs,
      }),
    );
    return id;
  }
  sim.dispatch(
    guildId,
    'PRESENCE_UPDATE',
    toPresenceUpdate({
      guildId,
      userId: command.userId,
      status: 'online',
      platforms: ['desktop', 'mobile', 'web'],
    }),
  );
  return command.userId;
};

// The product in demo mode, exactly as `spywatcher demo` runs it, plus a control channel on
// stdin through which the end-to-end test makes the simulator push a live event.
await runDemo(parseConfig(process.env), {
  onReady: ({ sim, guildId }) => {
    console.log(`E2E_READY ${JSON.stringify({ guildId })}`);
    createInterface({ input: process.stdin }).on('line', (line) => {
      try {
        console.log(`E2E_PUSHED ${push(sim, guildId, JSON.parse(line) as Command)}`);
      } catch (error) {
        console.log(`E2E_PUSH_FAILED ${String(error)}`);
      }
    });
  },
});
