import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../ingest/batch-writer.ts';
import type { Queryable } from '../store/database.ts';
import type { EventBus } from './event-bus.ts';
import type { LiveEvent } from './live-event.ts';
import { createLivePublisher } from './live-publisher.ts';

const envelope = (guildId: string): Envelope => ({
  type: 'TYPING_START',
  shardId: 0,
  sequence: 1,
  session: null,
  rows: { typing: [{ guildId, channelId: '5', userDiscordId: '7', timestamp: new Date(0) }] },
  receivedAtMs: 0,
});

describe('createLivePublisher', () => {
  it('returns at once and drops batches beyond the pending bound when the bus stalls', async () => {
    // Typing only: the publisher reads the store for role changes alone.
    const db: Queryable = {
      query: () => Promise.reject(new Error('no query expected')),
    };
    const published: LiveEvent[] = [];
    let release: () => void = () => {};
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    const bus: EventBus = {
      publish: async (event) => {
        await stalled;
        published.push(event);
      },
      subscribe: () => () => {},
      close: async () => {},
    };
    const publisher = createLivePublisher({
      bus,
      db,
      log: pino({ level: 'silent' }),
      maxPendingBatches: 3,
    });
    const started = performance.now();
    for (let i = 0; i < 10; i += 1) publisher.onCommitted([envelope(String(i + 1))]);
    expect(performance.now() - started).toBeLessThan(50);
    expect(publisher.dropped).toBe(7);
    release();
    await publisher.flush();
    expect(published.map((event) => event.guildId)).toEqual(['1', '2', '3']);
  });
});
