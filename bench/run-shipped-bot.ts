import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/main/testing/spawn-cli.ts';
import { wallNowMs } from './commit-recorder.ts';
import { trackProcessRss } from './peak-rss.ts';
import { readProcessCpuMs } from './process-cpu.ts';
import type { SimulatorProcess } from './spawn-simulator.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the product's process did with the GUILD_CREATE and a stream, and its memory. */
export interface ShippedBotResult {
  /** The command it ran: package.json's start script. */
  command: string;
  /** Resident memory once the API answers (the bot connects right after). */
  startRssBytes: number | undefined;
  guildCreateMs: number;
  guildCreatePeakRssBytes: number | undefined;
  events: number;
  eventsPerSecond: number;
  /** CPU time (user + system) of the process per dispatch of the stream, in microseconds. */
  cpuPerEvent: number | undefined;
  streamPeakRssBytes: number | undefined;
}

/** `npm start`'s command (package.json's start script), its paths made absolute. */
const readStartCommand = () => {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [program, ...args] = scripts.start.split(' ');
  if (program !== 'node') throw new Error(`the start script does not run node: ${scripts.start}`);
  return {
    command: scripts.start,
    args: args.map((arg) => (arg.includes('/') && !arg.startsWith('-') ? join(root, arg) : arg)),
  };
};

/** The sum of a Prometheus metric's samples matching `name` and the `labels` text. */
const sumMetric = (exposition: string, name: string, labels = ''): number =>
  exposition
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{${labels}`))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);

/** Above Discord's largest `large_threshold` GUILD_CREATE lists only some members. */
const LARGE_GUILD_MEMBERS = 250;

/**
 * Runs the product as `npm start` runs it (its start script, after building the server as its
 * prestart does), in a process of its own, against the simulator: the GUILD_CREATE and the
 * member chunks the bot asks for, then `count` dispatches as fast as it takes them. Its memory
 * is read from the kernel; its progress from its /metrics, as a monitoring system would: a
 * phase ends when every dispatch the simulator sent is received and none is left uncommitted.
 */
export const runShippedBot = async (options: {
  sim: SimulatorProcess;
  /** A migrated PostgreSQL database; undefined: the process's embedded PGlite. */
  databaseUrl: string | undefined;
  members: number;
  count: number;
  streamSeed: string;
}): Promise<ShippedBotResult> => {
  const { sim } = options;
  execFileSync(process.execPath, [join(root, 'bin/build-server.js'), '--if-stale']);
  const { command, args } = readStartCommand();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'spywatcher-bench-start-'));
  const child = spawn(process.execPath, args, {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      SPYWATCHER_DATA_DIR: dataDir,
      DISCORD_TOKEN: sim.token,
      DISCORD_API_URL: sim.apiUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = once(child, 'exit');
  if (child.pid === undefined) throw new Error('the spywatcher process did not start');
  const rss = trackProcessRss(child.pid);

  const readMetrics = async (): Promise<string | undefined> => {
    if (child.exitCode !== null) throw new Error(`spywatcher exited:\n${output}`);
    try {
      return await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    } catch {
      return undefined;
    }
  };
  const isSettled = async (needsChunks: boolean) => {
    const sequence = await sim.getSequence();
    const metrics = await readMetrics();
    if (metrics === undefined || sequence === 0) return false;
    const received = (labels = '') =>
      sumMetric(metrics, 'spywatcher_gateway_events_received_total', labels);
    // The simulator queues every chunk at once: once one is received, `sequence` counts them.
    if (needsChunks && received('type="GUILD_MEMBERS_CHUNK"') === 0) return false;
    return received() >= sequence && sumMetric(metrics, 'spywatcher_ingest_buffered_events') === 0;
  };
  const settled = async (needsChunks = false) => {
    while (!(await isSettled(needsChunks))) await sleep(100);
  };

  try {
    while ((await readMetrics()) === undefined) await sleep(20);
    const startRssBytes = rss.current();
    const startedAt = wallNowMs();
    await settled(options.members > LARGE_GUILD_MEMBERS);
    const guildCreateMs = wallNowMs() - startedAt;
    const guildCreatePeakRssBytes = rss.peak();

    rss.resetPeak();
    const cpuBeforeMs = readProcessCpuMs(child.pid);
    const streamStartedAt = wallNowMs();
    await sim.drive({ seed: options.streamSeed, count: options.count });
    await settled();
    const streamMs = wallNowMs() - streamStartedAt;
    const cpuAfterMs = readProcessCpuMs(child.pid);
    return {
      command,
      startRssBytes,
      guildCreateMs,
      guildCreatePeakRssBytes,
      events: options.count,
      eventsPerSecond: (options.count / streamMs) * 1_000,
      cpuPerEvent:
        cpuBeforeMs === undefined || cpuAfterMs === undefined
          ? undefined
          : ((cpuAfterMs - cpuBeforeMs) * 1_000) / options.count,
      streamPeakRssBytes: rss.peak(),
    };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
};
