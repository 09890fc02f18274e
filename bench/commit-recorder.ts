import type { Envelope } from '../src/ingest/batch-writer.ts';

/** Wall-clock time in milliseconds, with microseconds: comparable across processes. */
export const wallNowMs = () => performance.timeOrigin + performance.now();

/** When each dispatch of a run of sequence numbers was received and committed. */
export interface CommitTimes {
  committedAtMs: Float64Array;
  receivedAtMs: Float64Array;
  /** Transactions that stored some of them. */
  batches: number;
}

/** Follows the writer's commits: a GUILD_CREATE, or a run of `count` dispatches from `firstSeq`. */
export const createCommitRecorder = () => {
  let guildCreated: () => void = () => undefined;
  const guildCreate = new Promise<void>((resolve) => {
    guildCreated = resolve;
  });
  let lastSequence = 0;
  const sequenceWaiters: { sequence: number; resolve: () => void }[] = [];
  let run:
    | { firstSeq: number; left: number; times: CommitTimes; done: (times: CommitTimes) => void }
    | undefined;
  return {
    /** The writer's `onCommitted` hook. */
    onCommitted: (envelopes: readonly Envelope[]) => {
      const now = wallNowMs();
      let inRun = false;
      for (const envelope of envelopes) {
        if (envelope.type === 'GUILD_CREATE') guildCreated();
        lastSequence = Math.max(lastSequence, envelope.sequence ?? 0);
        if (!run || envelope.sequence === null) continue;
        const index = envelope.sequence - run.firstSeq;
        if (index < 0 || index >= run.times.committedAtMs.length) continue;
        if (run.times.committedAtMs[index] !== 0) continue;
        run.times.committedAtMs[index] = now;
        run.times.receivedAtMs[index] = envelope.receivedAtMs;
        run.left -= 1;
        inRun = true;
      }
      if (run && inRun) run.times.batches += 1;
      if (run?.left === 0) run.done(run.times);
      for (const waiter of sequenceWaiters.filter((w) => w.sequence <= lastSequence)) {
        sequenceWaiters.splice(sequenceWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    /** Resolves once every dispatch up to `sequence` is committed. */
    committedUpTo: (sequence: number): Promise<void> =>
      sequence <= lastSequence
        ? Promise.resolve()
        : new Promise((resolve) => sequenceWaiters.push({ sequence, resolve })),
    /** Resolves when the first GUILD_CREATE is committed. */
    guildCreate,
    /** Resolves with the commit times once all `count` dispatches from `firstSeq` are committed. */
    expect: (firstSeq: number, count: number): Promise<CommitTimes> =>
      new Promise((done) => {
        const times = {
          committedAtMs: new Float64Array(count),
          receivedAtMs: new Float64Array(count),
          batches: 0,
        };
        run = { firstSeq, left: count, times, done };
      }),
  };
};

/** The `p`-th percentile (0–100) of `values`, nearest rank. */
export const percentile = (values: Float64Array, p: number): number => {
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
};
