import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import {
  at,
  guildRows,
  instants,
  optOut,
  presenceRows,
  writeScenario,
} from './analytics-scenario.ts';
import { getMultiClient } from './multi-client.ts';

const G1 = '900000000000000001';
const G2 = '900000000000000002';
const ANN = '100000000000000001';
const BEN = '100000000000000002';
const CAT = '100000000000000003';
const DAN = '100000000000000004';
const EVE = '100000000000000005';
const GUS = '100000000000000007';

const query = (guildId: string, from = at(0), to = at(100), limit = 50): AnalyticsQuery => ({
  guildId,
  window: { from, to },
  limit,
  timeZone: 'UTC',
  now: at(100),
});

const iso = (minute: number) => at(minute).toISOString();
const both = { desktop: 'online', mobile: 'online' } as const;

for (const backend of testBackends()) {
  describe(`getMultiClient on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const plant = async () => {
      await writeScenario(db(), {
        ...guildRows(
          G1,
          [ANN, BEN, CAT, DAN, EVE, GUS].map((discordId) => ({
            discordId,
            username: `u${discordId.slice(-1)}`,
          })),
        ),
      });
      await writeScenario(db(), { ...guildRows(G2, [{ discordId: GUS, username: 'u7' }]) });
      await writeScenario(db(), {
        presences: [
          ...presenceRows(G1, ANN, [at(-1)], both),
          ...presenceRows(G1, ANN, instants(at(10), 4), both),
          ...presenceRows(G1, ANN, [at(20), at(21)], { web: 'online', mobile: 'idle' }, 'idle'),
          ...presenceRows(G1, ANN, [at(30)], { desktop: 'online' }),
          ...presenceRows(G1, ANN, [at(40)], {}, 'offline'),
          ...presenceRows(G1, ANN, [at(100)], both),
          ...presenceRows(
            G1,
            BEN,
            [at(50)],
            { embedded: 'dnd', web: 'dnd', desktop: 'dnd' },
            'dnd',
          ),
          ...presenceRows(G1, CAT, instants(at(0), 9), { mobile: 'online' }),
          ...presenceRows(G1, DAN, instants(at(0), 9), both),
          ...presenceRows(G1, EVE, [at(1)], { desktop: 'idle', web: 'online' }),
          ...presenceRows(G1, EVE, instants(at(2), 3), { web: 'online' }),
          ...presenceRows(G1, GUS, instants(at(0), 2), { web: 'online' }),
          ...presenceRows(G2, GUS, instants(at(0), 2), both),
        ],
      });
      await optOut(db(), DAN, G1);
    };

    it('lists members on several platforms at once, with combinations and share', async () => {
      await plant();
      expect(await getMultiClient(db(), query(G1))).toEqual({
        guildId: G1,
        window: { from: iso(0), to: iso(100) },
        items: [
          {
            userId: ANN,
            username: 'u1',
            displayName: 'u1',
            multiClientCount: 6,
            presenceCount: 7,
            multiClientShare: 0.8571,
            combinations: [
              { platforms: 'desktop+mobile', count: 4 },
              { platforms: 'mobile+web', count: 2 },
            ],
            firstSeenAt: iso(10),
            lastSeenAt: iso(21),
          },
          {
            userId: BEN,
            username: 'u2',
            displayName: 'u2',
            multiClientCount: 1,
            presenceCount: 1,
            multiClientShare: 1,
            combinations: [{ platforms: 'desktop+web+embedded', count: 1 }],
            firstSeenAt: iso(50),
            lastSeenAt: iso(50),
          },
          {
            userId: EVE,
            username: 'u5',
            displayName: 'u5',
            multiClientCount: 1,
            presenceCount: 4,
            multiClientShare: 0.25,
            combinations: [{ platforms: 'desktop+web', count: 1 }],
            firstSeenAt: iso(1),
            lastSeenAt: iso(1),
          },
        ],
      });
    });

    it('keeps guilds apart and honours the limit', async () => {
      await plant();
      const g2 = await getMultiClient(db(), query(G2));
      expect(g2.items.map((m) => [m.userId, m.multiClientCount])).toEqual([[GUS, 2]]);
      const limited = await getMultiClient(db(), query(G1, at(0), at(100), 2));
      expect(limited.items.map((m) => m.userId)).toEqual([ANN, BEN]);
    });

    it('answers an empty window with no items', async () => {
      await plant();
      expect((await getMultiClient(db(), query(G1, at(200), at(300)))).items).toEqual([]);
    });
  });
}
