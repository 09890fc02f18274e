import { describe, expect, it } from 'vitest';
import type { LatencyRow } from '../ingest/ingest-rows.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { guildWithMembers, optOut, writeActivity } from './activity-test-rows.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { getReactionLatency } from './reaction-latency.ts';

const G = '930000000000000001';
const OTHER = '930000000000000002';
const ANA = '130000000000000001';
const BEN = '130000000000000002';
const CY = '130000000000000003';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 10, 12, minute));

const query = (over: Partial<AnalyticsQuery> = {}): AnalyticsQuery => ({
  guildId: G,
  window: { from: at(0), to: at(60) },
  limit: 50,
  timeZone: 'UTC',
  now: at(60),
  ...over,
});

const sample = (
  responder: string,
  author: string,
  latencyMs: number,
  minute: number,
  guildId = G,
): LatencyRow => ({
  guildId,
  channelId: 'general',
  userDiscordId: responder,
  targetDiscordId: author,
  messageId: `m${minute}${latencyMs}`,
  latencyMs,
  timestamp: at(minute),
});

for (const backend of testBackends()) {
  describe(`getReactionLatency on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const seed = async () => {
      await writeActivity(db(), guildWithMembers(G, { [ANA]: 'ana', [BEN]: 'ben', [CY]: 'cy' }));
      await writeActivity(db(), guildWithMembers(OTHER, { [ANA]: 'ana', [BEN]: 'ben' }));
      await writeActivity(db(), {
        latencies: [
          // Ben: 2 999 ms is fast, exactly 3 000 ms is not; one slow answer moves the average, not the median.
          sample(BEN, ANA, 2_999, 0),
          sample(BEN, ANA, 3_000, 1),
          sample(BEN, CY, 1_000, 2),
          sample(BEN, ANA, 4_999, 3),
          sample(CY, ANA, 500, 10),
          sample(CY, ANA, 700, 59),
          sample(CY, ANA, 100, 60),
          sample(ANA, BEN, 200, 10, OTHER),
        ],
      });
    };

    it('reports samples, average, median and fast samples per responder', async () => {
      await seed();
      expect(await getReactionLatency(db(), query())).toEqual({
        guildId: G,
        window: { from: at(0).toISOString(), to: at(60).toISOString() },
        items: [
          {
            userId: BEN,
            username: 'ben',
            displayName: 'ben',
            samples: 4,
            averageMs: 3_000,
            medianMs: 3_000,
            fastSamples: 2,
          },
          {
            userId: CY,
            username: 'cy',
            displayName: 'cy',
            samples: 2,
            averageMs: 600,
            medianMs: 600,
            fastSamples: 2,
          },
        ],
      });
    });

    it('drops samples of and about opted-out members; empty window', async () => {
      await seed();
      await optOut(db(), CY, G);
      const items = (await getReactionLatency(db(), query())).items;
      expect(items.map((i) => [i.userId, i.samples, i.averageMs])).toEqual([[BEN, 3, 3_666]]);
      expect(
        (await getReactionLatency(db(), query({ window: { from: at(61), to: at(90) } }))).items,
      ).toEqual([]);
    });
  });
}
