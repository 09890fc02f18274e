import { describe, expect, it } from 'vitest';
import type { MemberEventRow } from '../ingest/ingest-rows.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { guildWithMembers, optOut, writeActivity } from './activity-test-rows.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { getJoins } from './joins.ts';

const G = '940000000000000001';
const OTHER = '940000000000000002';
const DAY_MS = 86_400_000;
const at = (hour: number, second = 0) => new Date(Date.UTC(2026, 10, 10, hour, 0, second));
const id = (n: number) => String(140_000_000_000_000_000n + BigInt(n));

const query = (over: Partial<AnalyticsQuery> = {}): AnalyticsQuery => ({
  guildId: G,
  window: { from: at(0), to: at(24) },
  limit: 50,
  timeZone: 'UTC',
  now: at(24),
  ...over,
});

const join = (
  n: number,
  timestamp: Date,
  accountAgeMs = 400 * DAY_MS,
  guildId = G,
): MemberEventRow => ({
  guildId,
  userDiscordId: id(n),
  type: 'join',
  accountCreatedAt: new Date(timestamp.getTime() - accountAgeMs),
  timestamp,
});

// Ten joins whose first and last are exactly 5 minutes apart: a burst. Members 1–4 are
// younger than 7 days at join, member 5 exactly 7 days old (not young).
const burstOffsets = [0, 30, 60, 90, 120, 150, 180, 210, 240, 300];
// Ten joins 5 minutes and 1 second apart: never 10 within 5 minutes.
const nearOffsets = [0, 30, 60, 90, 120, 150, 180, 210, 240, 301];

const joins: MemberEventRow[] = [
  ...burstOffsets.map((s, i) =>
    join(i + 1, at(12, s), i < 4 ? 7 * DAY_MS - 1 : i === 4 ? 7 * DAY_MS : 400 * DAY_MS),
  ),
  ...nearOffsets.map((s, i) => join(i + 11, at(14, s))),
  join(21, at(24)),
  join(22, at(12, 5), 0, OTHER),
  { ...join(23, at(13)), type: 'leave' },
];

for (const backend of testBackends()) {
  describe(`getJoins on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const seed = async () => {
      const names = Object.fromEntries(
        Array.from({ length: 23 }, (_, i) => [id(i + 1), `u${i + 1}`]),
      );
      await writeActivity(db(), guildWithMembers(G, names));
      await writeActivity(db(), guildWithMembers(OTHER, { [id(22)]: 'u22' }));
      await writeActivity(db(), { memberEvents: joins });
    };

    it('counts joins per hour and finds the burst of exactly 10 joins in exactly 5 minutes', async () => {
      await seed();
      expect(await getJoins(db(), query())).toEqual({
        guildId: G,
        window: { from: at(0).toISOString(), to: at(24).toISOString() },
        items: [
          { hour: '2026-11-10T12:00:00.000Z', joins: 10 },
          { hour: '2026-11-10T14:00:00.000Z', joins: 10 },
        ],
        bursts: [
          {
            start: at(12).toISOString(),
            end: at(12, 300).toISOString(),
            size: 10,
            youngAccountShare: 0.4,
            memberIds: Array.from({ length: 10 }, (_, i) => id(i + 1)),
          },
        ],
      });
    });

    it('merges overlapping bursts into one', async () => {
      await seed();
      const result = await getJoins(db(), query(), { size: 3, minutes: 1 });
      expect(result.bursts.map((b) => [b.start, b.end, b.size])).toEqual([
        [at(12).toISOString(), at(12, 240).toISOString(), 9],
        [at(14).toISOString(), at(14, 240).toISOString(), 9],
      ]);
    });

    it('truncates hours in the requested zone', async () => {
      await seed();
      const kolkata = await getJoins(db(), query({ timeZone: 'Asia/Kolkata' }));
      expect(kolkata.items).toEqual([
        { hour: '2026-11-10T11:30:00.000Z', joins: 10 },
        { hour: '2026-11-10T13:30:00.000Z', joins: 10 },
      ]);
    });

    it('drops opted-out members (breaking the burst) and is empty for an empty window', async () => {
      await seed();
      await optOut(db(), id(1), G);
      const result = await getJoins(db(), query());
      expect(result.bursts).toEqual([]);
      expect(result.items[0]).toEqual({ hour: '2026-11-10T12:00:00.000Z', joins: 9 });
      expect(await getJoins(db(), query({ window: { from: at(20), to: at(24) } }))).toMatchObject({
        items: [],
        bursts: [],
      });
    });
  });
}
