import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { SimulatorCommand, SimulatorReply } from './simulator-protocol.ts';

const entry = fileURLToPath(new URL('./simulator-process.ts', import.meta.url));

/** The simulator process, seen from the benchmark. */
export interface SimulatorProcess {
  readonly apiUrl: string;
  readonly token: string;
  readonly guildId: string;
  readonly pid: number | undefined;
  /** The gateway session's last sequence number. */
  getSequence(): Promise<number>;
  /** Starts pushing the mix; resolves with each dispatch's send time once all are sent. */
  drive(command: Omit<Extract<SimulatorCommand, { op: 'drive' }>, 'op'>): Promise<Float64Array>;
  close(): Promise<void>;
}

/** Replies by op; each waiter takes the next reply of its op, early ones are kept. */
const createReplyQueue = (child: ChildProcess) => {
  const early: SimulatorReply[] = [];
  const waiters: { op: SimulatorReply['op']; resolve: (reply: SimulatorReply) => void }[] = [];
  child.on('message', (reply: SimulatorReply) => {
    const at = waiters.findIndex((waiter) => waiter.op === reply.op);
    if (at === -1) early.push(reply);
    else waiters.splice(at, 1)[0]?.resolve(reply);
  });
  return <Op extends SimulatorReply['op']>(op: Op): Promise<Extract<SimulatorReply, { op: Op }>> =>
    new Promise((resolve) => {
      const at = early.findIndex((reply) => reply.op === op);
      const settle = resolve as (reply: SimulatorReply) => void;
      if (at === -1) waiters.push({ op, resolve: settle });
      else settle(early.splice(at, 1)[0] as SimulatorReply);
    });
};

/** Starts the simulator with a guild of `memberCount` members, listed in full in GUILD_CREATE. */
export const spawnSimulator = async (options: {
  memberCount: number;
  seed: string;
}): Promise<SimulatorProcess> => {
  const child = fork(entry, [String(options.memberCount), options.seed], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const failed = once(child, 'exit').then(([code]) => {
    throw new Error(`the simulator process exited (${String(code)})`);
  });
  failed.catch(() => undefined);
  const nextReply = createReplyQueue(child);
  const ready = await Promise.race([nextReply('ready'), failed]);
  const ask = (command: SimulatorCommand) => child.send(command);
  return {
    apiUrl: ready.apiUrl,
    token: ready.token,
    guildId: ready.guildId,
    pid: child.pid,
    getSequence: async () => {
      ask({ op: 'sequence' });
      return (await nextReply('sequence')).seq;
    },
    drive: async (command) => {
      ask({ op: 'drive', ...command });
      return (await Promise.race([nextReply('driven'), failed])).sentAtMs;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      ask({ op: 'close' });
      await exited;
    },
  };
};
