import { pino } from 'pino';
import { Registry } from 'prom-client';
import { createBot } from '../src/ingest/bot.ts';
import { createIngestMetrics } from '../src/ingest/ingest-metrics.ts';
import type { Database } from '../src/store/database.ts';
import {
  type CommitTimes,
  createCommitRecorder,
  percentile,
  wallNowMs,
} from './commit-recorder.ts';
import { readDatabaseCpuMs, readProcessCpuMs, toDatabaseCpuMs } from './process-cpu.ts';
import type { SimulatorProcess } from './spawn-simulator.ts';

/** Latency figures in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
}

/** One pushed stream: how fast it was stored and how long each dispatch waited. */
export interface StreamResult {
  events: number;
  elapsedMs: number;
  eventsPerSecond: number;
  /** From the simulator handing the dispatch to its socket to the commit of its rows. */
  sendToCommit: Latency;
  /** From the bot receiving the dispatch to the commit of its rows. */
  receiveToCommit: Latency;
  /** Transactions the writer committed them in. */
  batches: number;
  /** CPU time per dispatch, in microseconds, of each process; undefined where unknown. */
  cpuPerEvent: { bot: number; simulator: number | undefined; database: number | undefined };
}

/** What the bot did with the GUILD_CREATE and the streams. */
export interface EndToEndResult {
  guildCreateMs: number;
  saturated: StreamResult;
  paced: StreamResult & { targetEventsPerSecond: number };
}

const latency = (from: Float64Array, to: Float64Array): Latency => {
  const waits = to.map((at, i) => at - (from[i] ?? 0));
  return { p50: percentile(waits, 50), p99: percentile(waits, 99) };
};

/** CPU time used by the bot (this process), the simulator and the database since `start`. */
const startCpuMeter = async (db: Database, simulatorPid: number | undefined) => {
  const bot = process.cpuUsage();
  const simulator = simulatorPid === undefined ? undefined : readProcessCpuMs(simulatorPid);
  const database = await readDatabaseCpuMs(db);
  return async (events: number): Promise<StreamResult['cpuPerEvent']> => {
    const used = process.cpuUsage(bot);
    const simulatorNow = simulatorPid === undefined ? undefined : readProcessCpuMs(simulatorPid);
    const databaseMs = toDatabaseCpuMs(database, await readDatabaseCpuMs(db));
    const perEvent = (ms: number | undefined) =>
      ms === undefined ? undefined : (ms * 1_000) / events;
    return {
      bot: (used.user + used.system) / events,
      simulator: perEvent(
        simulatorNow === undefined || simulator === undefined
          ? undefined
          : simulatorNow - simulator,
      ),
      database: perEvent(databaseMs),
    };
  };
};

const toStreamResult = (
  sentAtMs: Float64Array,
  times: CommitTimes,
  cpuPerEvent: StreamResult['cpuPerEvent'],
): StreamResult => {
  const first = sentAtMs[0] ?? 0;
  const last = times.committedAtMs.reduce((max, at) => Math.max(max, at), first);
  const elapsedMs = last - first;
  return {
    events: sentAtMs.length,
    elapsedMs,
    eventsPerSecond: (sentAtMs.length / elapsedMs) * 1_000,
    sendToCommit: latency(sentAtMs, times.committedAtMs),
    receiveToCommit: latency(times.receivedAtMs, times.committedAtMs),
    batches: times.batches,
    cpuPerEvent,
  };
};

/**
 * Runs the real bot in this process against the simulator process: the GUILD_CREATE first,
 * then `count` dispatches as fast as the bot takes them, then a quarter as many at half the
 * rate it reached (latency below saturation). In this process, so that every dispatch's commit
 * time is known; the product's memory is measured in a process of its own (run-shipped-bot.ts).
 */
export const runEndToEnd = async (options: {
  db: Database;
  sim: SimulatorProcess;
  count: number;
  streamSeed: string;
  /** Runs before each stream (a checkpoint, so that none falls inside the measurement). */
  beforeStream: () => Promise<unknown>;
}): Promise<EndToEndResult> => {
  const { db, sim } = options;
  const recorder = createCommitRecorder();
  const bot = await createBot({
    token: sim.token,
    apiUrl: sim.apiUrl,
    db,
    log: pino({ level: 'warn' }),
    metrics: createIngestMetrics(new Registry()),
    writer: { onCommitted: recorder.onCommitted },
  });
  const startedAt = wallNowMs();
  await bot.start();
  await recorder.guildCreate;
  // The bot asks for the member list of a large guild: GUILD_MEMBERS_CHUNKs follow.
  await recorder.committedUpTo(await sim.getSequence());
  const guildCreateMs = wallNowMs() - startedAt;

  const push = async (count: number, seed: string, eventsPerSecond?: number) => {
    await options.beforeStream();
    const committed = recorder.expect((await sim.getSequence()) + 1, count);
    const cpu = await startCpuMeter(db, sim.pid);
    const sentAtMs = await sim.drive({
      seed,
      count,
      ...(eventsPerSecond ? { eventsPerSecond } : {}),
    });
    const times = await committed;
    return toStreamResult(sentAtMs, times, await cpu(count));
  };
  const saturated = await push(options.count, options.streamSeed);
  const targetEventsPerSecond = Math.round(saturated.eventsPerSecond / 2);
  const paced = await push(
    Math.round(options.count / 4),
    `${options.streamSeed}:paced`,
    targetEventsPerSecond,
  );
  await bot.stop();
  return {
    guildCreateMs,
    saturated,
    paced: { ...paced, targetEventsPerSecond },
  };
};
