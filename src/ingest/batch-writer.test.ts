import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { Database } from '../store/database.ts';
import { type BatchWriterOptions, createBatchWriter, type Envelope } from './batch-writer.ts';
import { createIngestMetrics } from './ingest-metrics.ts';
import type { TypingRow } from './ingest-rows.ts';

/** A database whose transactions record their dispatches' sequences and wait for `release`. */
const createGatedDatabase = () => {
  const committed: number[][] = [];
  let open: (() => void) | undefined;
  let current: number[] = [];
  const db = {
    kind: 'postgres',
    query: async () => [],
    transaction: async <T>(fn: (tx: Database) => Promise<T>): Promise<T> => {
      current = [];
      const result = await fn(db);
      await new Promise<void>((resolve) => {
        open = resolve;
      });
      committed.push(current);
      return result;
    },
  } as unknown as Database;
  const tx = db as unknown as { query: (text: string, params?: unknown[]) => Promise<unknown[]> };
  tx.query = async (text, params) => {
    // The gateway session upsert carries each batch's last sequence: record the batch by it.
    if (text.includes('"GatewaySession"')) current.push(...((params?.[4] as number[]) ?? []));
    return [];
  };
  return {
    db,
    committed,
    /** Lets the transaction waiting now commit. */
    release: async () => {
      while (!open) await new Promise((resolve) => setTimeout(resolve, 1));
      const go = open;
      open = undefined;
      go();
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
  };
};

const typingRows = (count: number): TypingRow[] =>
  Array.from({ length: count }, () => ({
    guildId: '1',
    channelId: '2',
    userDiscordId: '3',
    timestamp: new Date(0),
  }));

const envelope = (sequence: number, rows: number): Envelope => ({
  type: 'TYPING_START',
  shardId: 0,
  sequence,
  session: { sessionId: 's', resumeUrl: 'wss://x', shardCount: 1 },
  rows: { typing: typingRows(rows) },
  receivedAtMs: 0,
});

const writerOn = (db: Database, options: Partial<BatchWriterOptions>) =>
  createBatchWriter({
    db,
    log: pino({ level: 'silent' }),
    metrics: createIngestMetrics(new Registry()),
    flushIntervalMs: 1,
    ...options,
  });

describe('the batch writer', () => {
  it('cuts batches by rows as well as by dispatches; a bigger dispatch goes alone', async () => {
    const gated = createGatedDatabase();
    const writer = writerOn(gated.db, { maxBatchRows: 10_000 });
    for (const [sequence, rows] of [
      [1, 4_000],
      [2, 4_000],
      [3, 4_000],
      [4, 12_000],
      [5, 10],
    ] as const) {
      writer.push(envelope(sequence, rows));
    }
    expect(writer.bufferedRows).toBe(24_010);
    for (let i = 0; i < 4; i += 1) await gated.release();
    await writer.drain();
    // Each transaction stores the sequence of its batch's last dispatch (one shard).
    expect(gated.committed).toEqual([[2], [3], [4], [5]]);
    expect(writer.bufferedRows).toBe(0);
  }, 5_000);

  it('asks to stop reading past the high water, and to read again below half of it', async () => {
    const gated = createGatedDatabase();
    const pressure: boolean[] = [];
    const writer = writerOn(gated.db, {
      highWaterRows: 100,
      maxBatchEvents: 1,
      onPressure: (full) => pressure.push(full),
    });
    writer.push(envelope(1, 60));
    expect(pressure).toEqual([]);
    writer.push(envelope(2, 60));
    writer.push(envelope(3, 10));
    expect(pressure).toEqual([true, true]);
    await gated.release(); // 70 rows left: above half of 100
    expect(pressure).toEqual([true, true]);
    await gated.release(); // 10 rows left
    expect(pressure).toEqual([true, true, false]);
    await gated.release();
    await writer.drain();
    expect(pressure).toEqual([true, true, false]);
  });
});
