import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { guildWithMembers, messageRow, optOut, writeActivity } from './activity-test-rows.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { getHeatmap } from './heatmap.ts';
import { toHeatmapGrid } from './to-heatmap-grid.ts';

const G = '910000000000000001';
const OTHER = '910000000000000002';
const ANA = '110000000000000001';
const BEN = '110000000000000002';
const CY = '110000000000000003';
const utc = (iso: string) => new Date(`${iso}Z`);

const query = (over: Partial<AnalyticsQuery> = {}): AnalyticsQuery => ({
  guildId: G,
  window: { from: utc('2026-01-05T00:00:00'), to: utc('2026-04-01T00:00:00') },
  limit: 50,
  timeZone: 'UTC',
  now: utc('2026-04-01T00:00:00'),
  ...over,
});

const nonZero = (items: { dayOfWeek: number; hour: number; count: number }[]) =>
  items.filter((c) => c.count > 0);

describe('toHeatmapGrid', () => {
  it('returns all 7 × 24 cells, Monday 00:00 first, zero where empty', () => {
    const grid = toHeatmapGrid([{ dayOfWeek: 7, hour: 23, count: 4 }]);
    expect(grid).toHaveLength(168);
    expect(grid[0]).toEqual({ dayOfWeek: 1, hour: 0, count: 0 });
    expect(grid[167]).toEqual({ dayOfWeek: 7, hour: 23, count: 4 });
    expect(grid.reduce((sum, c) => sum + c.count, 0)).toBe(4);
  });
});

for (const backend of testBackends()) {
  describe(`getHeatmap on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const seed = async () => {
      await writeActivity(db(), guildWithMembers(G, { [ANA]: 'ana', [BEN]: 'ben', [CY]: 'cy' }));
      await writeActivity(db(), guildWithMembers(OTHER, { [ANA]: 'ana' }));
      await writeActivity(db(), {
        messages: [
          // Monday 23:30 UTC = Tuesday 00:30 in Paris (UTC+1 in winter).
          messageRow(G, ANA, 'c1', utc('2026-01-05T23:30:00')),
          // The window's first instant is in, its end is out.
          messageRow(G, ANA, 'c1', utc('2026-01-05T00:00:00')),
          messageRow(G, ANA, 'c1', utc('2026-04-01T00:00:00')),
          // DST starts on Sunday 29 March 2026 at 01:00 UTC: noon UTC is 13:00 on Saturday, 14:00 on Sunday.
          messageRow(G, BEN, 'c2', utc('2026-03-28T12:00:00')),
          messageRow(G, BEN, 'c2', utc('2026-03-29T12:00:00')),
          messageRow(G, CY, 'c2', utc('2026-03-29T12:10:00')),
          messageRow(OTHER, ANA, 'c9', utc('2026-01-05T23:30:00')),
        ],
        typing: [
          {
            guildId: G,
            channelId: 'c1',
            userDiscordId: BEN,
            timestamp: utc('2026-02-02T08:15:00'),
          },
        ],
        presences: [
          {
            guildId: G,
            userDiscordId: CY,
            status: 'online',
            clientStatus: { web: 'online' },
            activities: [],
            timestamp: utc('2026-02-03T09:00:00'),
          },
          {
            guildId: G,
            userDiscordId: CY,
            status: 'offline',
            clientStatus: {},
            activities: [],
            timestamp: utc('2026-02-03T10:00:00'),
          },
        ],
      });
    };

    it('counts messages by local day and hour: 23:30 UTC is the next day in Paris, across DST', async () => {
      await seed();
      const paris = await getHeatmap(db(), query({ timeZone: 'Europe/Paris' }), 'messages');
      expect(paris.items).toHaveLength(168);
      expect(nonZero(paris.items)).toEqual([
        { dayOfWeek: 1, hour: 1, count: 1 },
        { dayOfWeek: 2, hour: 0, count: 1 },
        { dayOfWeek: 6, hour: 13, count: 1 },
        { dayOfWeek: 7, hour: 14, count: 2 },
      ]);
      const utcMap = await getHeatmap(db(), query(), 'messages');
      expect(nonZero(utcMap.items)).toEqual([
        { dayOfWeek: 1, hour: 0, count: 1 },
        { dayOfWeek: 1, hour: 23, count: 1 },
        { dayOfWeek: 6, hour: 12, count: 1 },
        { dayOfWeek: 7, hour: 12, count: 2 },
      ]);
      expect(utcMap.window).toEqual({
        from: '2026-01-05T00:00:00.000Z',
        to: '2026-04-01T00:00:00.000Z',
      });
    });

    it('is exact in zones offset by half and quarter hours', async () => {
      await writeActivity(db(), guildWithMembers(G, { [ANA]: 'ana' }));
      await writeActivity(db(), {
        messages: [
          messageRow(G, ANA, 'c1', utc('2026-03-02T12:14:59')),
          messageRow(G, ANA, 'c1', utc('2026-03-02T12:15:00')),
          messageRow(G, ANA, 'c1', utc('2026-03-02T12:29:59')),
          messageRow(G, ANA, 'c1', utc('2026-03-02T12:30:00')),
        ],
      });
      // Kolkata is UTC+5:30: 12:29:59 is 17:59:59, 12:30 is 18:00.
      const kolkata = await getHeatmap(db(), query({ timeZone: 'Asia/Kolkata' }), 'messages');
      expect(nonZero(kolkata.items)).toEqual([
        { dayOfWeek: 1, hour: 17, count: 3 },
        { dayOfWeek: 1, hour: 18, count: 1 },
      ]);
      // Kathmandu is UTC+5:45: 12:14:59 is 17:59:59, 12:15 is 18:00.
      const kathmandu = await getHeatmap(db(), query({ timeZone: 'Asia/Kathmandu' }), 'messages');
      expect(nonZero(kathmandu.items)).toEqual([
        { dayOfWeek: 1, hour: 17, count: 1 },
        { dayOfWeek: 1, hour: 18, count: 3 },
      ]);
    });

    it('counts typing, and presence as non-offline snapshots only', async () => {
      await seed();
      expect(nonZero((await getHeatmap(db(), query(), 'typing')).items)).toEqual([
        { dayOfWeek: 1, hour: 8, count: 1 },
      ]);
      expect(nonZero((await getHeatmap(db(), query(), 'presence')).items)).toEqual([
        { dayOfWeek: 2, hour: 9, count: 1 },
      ]);
    });

    it('builds the member × channel matrix of the top members and channels', async () => {
      await seed();
      const { matrix } = await getHeatmap(db(), query({ limit: 2 }), 'messages');
      expect(matrix).toEqual({
        members: [
          { userId: ANA, username: 'ana', displayName: 'ana', messages: 2 },
          { userId: BEN, username: 'ben', displayName: 'ben', messages: 2 },
        ],
        channels: [
          { channelId: 'c2', messages: 3 },
          { channelId: 'c1', messages: 2 },
        ],
        counts: [
          [0, 2],
          [2, 0],
        ],
      });
    });

    it('hides opted-out members and returns an empty grid for an empty window', async () => {
      await seed();
      await optOut(db(), BEN, G);
      await optOut(db(), CY, G);
      const result = await getHeatmap(db(), query(), 'messages');
      expect(nonZero(result.items)).toEqual([
        { dayOfWeek: 1, hour: 0, count: 1 },
        { dayOfWeek: 1, hour: 23, count: 1 },
      ]);
      expect(result.matrix.members.map((m) => m.userId)).toEqual([ANA]);
      const empty = await getHeatmap(
        db(),
        query({ window: { from: utc('2025-01-01T00:00:00'), to: utc('2025-01-02T00:00:00') } }),
        'messages',
      );
      expect(nonZero(empty.items)).toEqual([]);
      expect(empty.matrix).toEqual({ members: [], channels: [], counts: [] });
    });

    it('breaks ties at the limit by Discord id, whatever order the members were stored in', async () => {
      await writeActivity(db(), guildWithMembers(G, { [CY]: 'cy', [BEN]: 'ben', [ANA]: 'ana' }));
      const day = (d: number) => utc(`2026-02-0${d}T10:00:00`);
      await writeActivity(db(), {
        messages: [
          ...[CY, BEN, ANA].map((id, i) => messageRow(G, id, 'c1', day(2 + i))),
          messageRow(G, CY, 'c3', day(5)),
          messageRow(G, ANA, 'c2', day(6)),
          messageRow(G, BEN, 'c3', day(7)),
        ],
      });
      const { matrix } = await getHeatmap(db(), query({ limit: 2 }), 'messages');
      expect(matrix).toEqual({
        members: [
          { userId: ANA, username: 'ana', displayName: 'ana', messages: 2 },
          { userId: BEN, username: 'ben', displayName: 'ben', messages: 2 },
        ],
        channels: [
          { channelId: 'c1', messages: 3 },
          { channelId: 'c3', messages: 2 },
        ],
        counts: [
          [1, 0],
          [1, 1],
        ],
      });
    });
  });
}
