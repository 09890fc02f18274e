import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { guildRows } from '../analytics/analytics-scenario.ts';
import type { Database, Queryable } from '../store/database.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
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

for (const backend of testBackends()) {
  describe(`the batch writer on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    it('writes a batch whose commit went through unanswered only once, and one that did not again', async () => {
      // The database commits the first typing batch, then the connection drops before its
      // answer (as when PostgreSQL goes away mid-commit); the second typing batch fails
      // before it commits. Both are retried: the first must not be stored twice.
      const G = '970000000000000001';
      const member = { discordId: '170000000000000001', username: 'm' };
      let lost = 0;
      const lossy = new Proxy(db(), {
        get(target, key, receiver) {
          if (key !== 'transaction') return Reflect.get(target, key, receiver);
          return async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
            lost += 1;
            if (lost === 3) throw new Error('Connection terminated unexpectedly');
            const result = await target.transaction(fn);
            if (lost === 2) throw new Error('Connection terminated unexpectedly');
            return result;
          };
        },
      });
      const writer = writerOn(lossy, { retryInitialMs: 1, maxBatchEvents: 2 });
      const typing = (sequence: number): Envelope => ({
        ...envelope(sequence, 0),
        rows: {
          typing: [
            {
              guildId: G,
              channelId: '2',
              userDiscordId: member.discordId,
              timestamp: new Date(sequence * 1_000),
            },
          ],
        },
      });
      writer.push({ ...envelope(1, 0), rows: guildRows(G, [member]) });
      await writer.drain();
      for (const sequence of [2, 3, 4, 5]) writer.push(typing(sequence));
      await writer.drain();
      const rows = await db().query<{ at: Date }>(
        `SELECT timestamp AS at FROM "TypingEvent" ORDER BY timestamp`,
      );
      expect(rows.map((r) => new Date(r.at).getTime() / 1_000)).toEqual([2, 3, 4, 5]);
      expect(lost).toBeGreaterThanOrEqual(4);
      const [session] = await db().query<{ sequence: number }>(
        `SELECT sequence FROM "GatewaySession" WHERE "shardId" = 0`,
      );
      expect(session?.sequence).toBe(5);
    });
  });
}
