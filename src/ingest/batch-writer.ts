import type { Logger } from 'pino';
import type { Database } from '../store/database.ts';
import {
  type GatewaySessionRow,
  listGatewaySessions,
  saveGatewaySessions,
} from '../store/ingest-writes/save-gateway-session.ts';
import { writeIngestRows } from '../store/ingest-writes/write-ingest-rows.ts';
import type { IngestMetrics } from './ingest-metrics.ts';
import type { IngestRows } from './ingest-rows.ts';
import { toBatchRows } from './to-batch-rows.ts';
import { isDataError } from './write-failure.ts';

/** One received dispatch on its way to the store. */
export interface Envelope {
  type: string;
  shardId: number;
  /** The dispatch's sequence number; with `session`, what a restart resumes from. */
  sequence: number | null;
  session: { sessionId: string; resumeUrl: string; shardCount: number } | null;
  rows: Partial<IngestRows>;
  receivedAtMs: number;
}

/** Options of {@link createBatchWriter}. */
export interface BatchWriterOptions {
  db: Database;
  log: Logger;
  metrics: IngestMetrics;
  /** Most dispatches in one transaction. */
  maxBatchEvents?: number;
  /**
   * Most rows in one transaction, short of one dispatch's own (a member chunk holds a thousand
   * members and their presences): a batch of a hundred chunks would hold all their rows and
   * statement parameters in memory at once.
   */
  maxBatchRows?: number;
  /**
   * Buffered rows past which the writer asks the gateway to stop reading (`onPressure(true)`,
   * again at each push while above); below half of it, `onPressure(false)` once.
   */
  highWaterRows?: number;
  onPressure?: (full: boolean) => void;
  /** How long the first dispatch of a quiet period waits for company. */
  flushIntervalMs?: number;
  /** Beyond this many uncommitted dispatches, `push` refuses (the gateway must replay them). */
  maxBufferedEvents?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** Called after each commit with the envelopes it stored. */
  onCommitted?: (envelopes: readonly Envelope[]) => void;
}

/** Buffers dispatches and commits them in batches, each with its shards' resume points. */
export interface BatchWriter {
  /** Queues an envelope; false when the buffer is full (the envelope was not taken). */
  push(envelope: Envelope): boolean;
  /** Resolves when everything pushed so far is committed. */
  drain(): Promise<void>;
  /** Stops retrying and writing; what is not committed will be replayed by the gateway. */
  close(): void;
  readonly buffered: number;
  /** Rows of the uncommitted dispatches. */
  readonly bufferedRows: number;
}

/** How many rows an envelope carries (at least 1: even an empty one moves the resume point). */
const rowsOf = (envelope: Envelope): number => {
  let rows = 0;
  for (const key in envelope.rows) rows += envelope.rows[key as keyof IngestRows]?.length ?? 0;
  return Math.max(1, rows);
};

const sessionsOf = (batch: readonly Envelope[]): GatewaySessionRow[] => {
  const byShard = new Map<number, GatewaySessionRow>();
  for (const { shardId, sequence, session } of batch) {
    if (sequence === null || session === null) continue;
    byShard.set(shardId, { shardId, sequence, ...session });
  }
  return [...byShard.values()];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates a writer; it never throws on a failed write, it retries or skips and counts. */
export const createBatchWriter = (options: BatchWriterOptions): BatchWriter => {
  const { db, log, metrics } = options;
  const maxBatch = options.maxBatchEvents ?? 5_000;
  const maxBuffered = options.maxBufferedEvents ?? 500_000;
  const interval = options.flushIntervalMs ?? 20;
  const maxBatchRows = options.maxBatchRows ?? 10_000;
  const highWaterRows = options.highWaterRows ?? 20_000;
  const buffer: Envelope[] = [];
  let bufferedRows = 0;
  let pressing = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let retryMs = options.retryInitialMs ?? 100;
  /**
   * The dispatches of the last commit that failed without an answer from the database (a
   * connection lost mid-commit): the commit may have gone through all the same.
   */
  let uncertain: readonly Envelope[] | null = null;

  const commit = async (batch: readonly Envelope[]) => {
    const rows = toBatchRows(batch.map((envelope) => envelope.rows));
    await db.transaction(async (tx) => {
      await writeIngestRows(tx, rows);
      await saveGatewaySessions(tx, sessionsOf(batch));
    });
  };

  /**
   * Whether `batch` was stored after all: its transaction moved each of its shards' resume
   * points to its last sequence, so the stored sessions tell (false for a batch that carries
   * none: it is written again).
   */
  const wasStored = async (batch: readonly Envelope[]): Promise<boolean> => {
    const sessions = sessionsOf(batch);
    if (sessions.length === 0) return false;
    const stored = new Map((await listGatewaySessions(db)).map((row) => [row.shardId, row]));
    return sessions.every((session) => {
      const row = stored.get(session.shardId);
      return row?.sessionId === session.sessionId && row.sequence >= session.sequence;
    });
  };

  const retryLater = async (error: unknown) => {
    metrics.writeFailures.inc({ kind: 'transient' });
    log.warn({ err: error, buffered: buffer.length, retryMs }, 'store unavailable; will retry');
    await sleep(retryMs);
    retryMs = Math.min(retryMs * 2, options.retryMaxMs ?? 5_000);
  };

  const committed = (batch: readonly Envelope[]) => {
    const now = Date.now();
    for (const envelope of batch)
      metrics.commitLatency.observe((now - envelope.receivedAtMs) / 1_000);
    metrics.committed.inc(batch.length);
    metrics.batches.inc();
    options.onCommitted?.(batch);
  };

  /** A batch the database refused as data: store what can be stored, one dispatch at a time. */
  const commitOneByOne = async (batch: readonly Envelope[]): Promise<number> => {
    let done = 0;
    for (const envelope of batch) {
      try {
        await commit([envelope]);
      } catch (error) {
        if (!isDataError(error)) {
          uncertain = [envelope];
          break;
        }
        metrics.invalid.inc({ type: envelope.type });
        log.warn(
          { type: envelope.type, code: (error as { code?: string }).code },
          'dispatch not storable; skipped',
        );
        // Still move the resume point past it, or a restart would replay it forever.
        const stored = await commit([{ ...envelope, rows: {} }]).then(
          () => true,
          () => false,
        );
        if (!stored) break;
      }
      committed([envelope]);
      done += 1;
    }
    return done;
  };

  /** Removes the first `count` envelopes; lifts the pressure once below half the high water. */
  const remove = (count: number) => {
    for (const envelope of buffer.splice(0, count)) bufferedRows -= rowsOf(envelope);
    if (pressing && bufferedRows < highWaterRows / 2) {
      pressing = false;
      options.onPressure?.(false);
    }
  };

  /** The next batch: up to `maxBatch` dispatches and `maxBatchRows` rows (at least one). */
  const nextBatch = (): Envelope[] => {
    let rows = 0;
    let end = 0;
    while (end < buffer.length && end < maxBatch) {
      const envelope = buffer[end] as Envelope;
      rows += rowsOf(envelope);
      if (end > 0 && rows > maxBatchRows) break;
      end += 1;
    }
    return buffer.slice(0, end);
  };

  const flushOnce = async (): Promise<void> => {
    // A commit that failed without an answer is written again only if it did not go through:
    // rows without a natural key (typing, reactions) would otherwise be stored twice.
    if (uncertain) {
      const pending = uncertain;
      let stored: boolean;
      try {
        stored = await wasStored(pending);
      } catch (error) {
        await retryLater(error);
        return;
      }
      uncertain = null;
      if (stored) {
        log.info({ dispatches: pending.length }, 'a commit whose answer was lost went through');
        remove(pending.length);
        committed(pending);
        retryMs = options.retryInitialMs ?? 100;
        return;
      }
    }
    const batch = nextBatch();
    try {
      await commit(batch);
      remove(batch.length);
      committed(batch);
      retryMs = options.retryInitialMs ?? 100;
    } catch (error) {
      if (isDataError(error)) {
        metrics.writeFailures.inc({ kind: 'data' });
        remove(await commitOneByOne(batch));
        return;
      }
      uncertain = batch;
      await retryLater(error);
    }
  };

  const run = async () => {
    while (buffer.length > 0 && !closed) {
      await flushOnce();
      metrics.buffered.set(buffer.length);
    }
    running = undefined;
  };

  const schedule = () => {
    if (running || timer || closed) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        running = run();
      },
      buffer.length >= maxBatch || bufferedRows >= maxBatchRows ? 0 : interval,
    );
  };

  return {
    push: (envelope) => {
      if (closed || buffer.length >= maxBuffered) return false;
      buffer.push(envelope);
      bufferedRows += rowsOf(envelope);
      metrics.buffered.set(buffer.length);
      if (bufferedRows >= highWaterRows) {
        pressing = true;
        options.onPressure?.(true);
      }
      schedule();
      return true;
    },
    drain: async () => {
      while (buffer.length > 0 && !closed) {
        if (timer) {
          clearTimeout(timer);
          timer = undefined;
          running = run();
        }
        await (running ?? sleep(interval));
      }
    },
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
    },
    get buffered() {
      return buffer.length;
    },
    get bufferedRows() {
      return bufferedRows;
    },
  };
};
