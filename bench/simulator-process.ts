// The benchmark's Discord: a simulator in a process of its own (in the bot's process it would
// share the bot's CPU), driven over IPC by `spawn-simulator.ts`.
import {
  buildLargeGuild,
  createBenchmarkMix,
  createDiscordSimulator,
  driveScenario,
} from '../src/simulator/index.ts';
import type { SimulatorCommand, SimulatorReply } from './simulator-protocol.ts';

const [memberCount = '100000', seed = 'bench'] = process.argv.slice(2);
const send = (reply: SimulatorReply) => process.send?.(reply);

const { guild, bot } = buildLargeGuild({ seed, memberCount: Number(memberCount) });
// Discord's member lists: past 75,000 members GUILD_CREATE lists only the bot and voice
// members, and the bot asks for the rest (op 8), which come in chunks of 1,000.
const sim = await createDiscordSimulator({ bot, guilds: [guild] });

/** Wall-clock time in milliseconds, with microseconds: comparable across processes. */
const wallNowMs = () => performance.timeOrigin + performance.now();

const drive = async (command: Extract<SimulatorCommand, { op: 'drive' }>) => {
  const sentAtMs = new Float64Array(command.count);
  let index = 0;
  const timed = {
    dispatch: (guildId: string | null, event: string, data: unknown) => {
      sentAtMs[index] = wallNowMs();
      index += 1;
      return sim.dispatch(guildId, event, data);
    },
    bufferedBytes: sim.bufferedBytes,
  };
  const events = createBenchmarkMix({ seed: command.seed, guild, count: command.count });
  await driveScenario({
    sim: timed,
    events,
    ...(command.eventsPerSecond ? { eventsPerSecond: command.eventsPerSecond } : {}),
  });
  send({ op: 'driven', sentAtMs });
};

process.on('message', (command: SimulatorCommand) => {
  if (command.op === 'sequence') {
    send({ op: 'sequence', seq: sim.listSessions()[0]?.seq ?? 0 });
  } else if (command.op === 'drive') {
    void drive(command);
  } else {
    void sim.close().then(() => process.exit(0));
  }
});
// The benchmark died: do not outlive it.
process.on('disconnect', () => process.exit(0));
send({ op: 'ready', apiUrl: sim.apiUrl, token: sim.botToken, guildId: guild.id });
