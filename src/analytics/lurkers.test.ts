import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import {
  at,
  guildRows,
  instants,
  messageRows,
  optOut,
  presenceRows,
  reactionRows,
  typingRows,
  writeScenario,
} from './analytics-scenario.ts';
import { getLurkers } from './lurkers.ts';

const G1 = '900000000000000001';
const G2 = '900000000000000002';
const ANN = '100000000000000001';
const BEN = '100000000000000002';
const CAT = '100000000000000003';
const DAN = '100000000000000004';
const EVE = '100000000000000005';
const FAY = '100000000000000006';
const GUS = '100000000000000007';
const HAL = '100000000000000008';

const query = (guildId: string, from = at(0), to = at(100), limit = 50): AnalyticsQuery => ({
  guildId,
  window: { from, to },
  limit,
  timeZone: 'UTC',
  now: at(100),
});

const iso = (minute: number) => at(minute).toISOString();

for (const backend of testBackends()) {
  describe(`getLurkers on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const plant = async () => {
      await writeScenario(db(), {
        ...guildRows(G1, [
          { discordId: ANN, username: 'ann', globalName: 'Ann A.' },
          { discordId: BEN, username: 'ben', nick: 'Benny' },
          { discordId: CAT, username: 'cat' },
          { discordId: DAN, username: 'dan' },
          { discordId: EVE, username: 'eve' },
          { discordId: FAY, username: 'fay' },
          { discordId: HAL, username: 'hal' },
        ]),
      });
      await writeScenario(db(), { ...guildRows(G2, [{ discordId: GUS, username: 'gus' }]) });
      await writeScenario(db(), {
        presences: [
          // Exactly minPresence, active only outside the window or in another guild: a lurker.
          ...presenceRows(G1, ANN, instants(at(10), 5)),
          // Four snapshots only (plus one just outside the window, and offline ones).
          ...presenceRows(G1, BEN, [at(-1), ...instants(at(0), 4), at(100)]),
          ...presenceRows(G1, BEN, [at(50), at(60)], {}, 'offline'),
          // Each of these has one kind of activity.
          ...presenceRows(G1, CAT, instants(at(0), 6)),
          ...presenceRows(G1, DAN, instants(at(0), 6)),
          ...presenceRows(G1, EVE, instants(at(0), 6)),
          // Opted out later.
          ...presenceRows(G1, FAY, instants(at(0), 9)),
          // Present in G2 only.
          ...presenceRows(G2, GUS, instants(at(0), 8)),
          ...presenceRows(G1, HAL, instants(at(20), 7, 10), { desktop: 'dnd' }, 'dnd'),
        ],
        messages: [
          ...messageRows(G1, ANN, [at(-1), at(100)]),
          ...messageRows(G2, ANN, [at(50)]),
          ...messageRows(G1, CAT, [at(99)]),
        ],
        typing: [...typingRows(G1, ANN, [at(100)]), ...typingRows(G1, DAN, [at(0)])],
        reactions: [...reactionRows(G1, ANN, [at(-1)]), ...reactionRows(G1, EVE, [at(30)])],
      });
    };

    it('lists members seen online with no activity, most present first', async () => {
      await plant();
      await optOut(db(), FAY, G1);
      expect(await getLurkers(db(), query(G1))).toEqual({
        guildId: G1,
        window: { from: iso(0), to: iso(100) },
        items: [
          {
            userId: HAL,
            username: 'hal',
            displayName: 'hal',
            presenceCount: 7,
            firstSeenAt: iso(20),
            lastSeenAt: iso(80),
          },
          {
            userId: ANN,
            username: 'ann',
            displayName: 'Ann A.',
            presenceCount: 5,
            firstSeenAt: iso(10),
            lastSeenAt: iso(14),
          },
        ],
      });
    });

    it('keeps guilds apart, applies the threshold and the limit', async () => {
      await plant();
      expect((await getLurkers(db(), query(G2))).items.map((l) => l.userId)).toEqual([GUS]);
      const strict = await getLurkers(db(), query(G1), { minPresence: 4 });
      expect(strict.items.map((l) => [l.userId, l.presenceCount])).toEqual([
        [FAY, 9],
        [HAL, 7],
        [ANN, 5],
        [BEN, 4],
      ]);
      expect((await getLurkers(db(), query(G1, at(0), at(100), 1))).items).toHaveLength(1);
    });

    it('answers an empty window with no items', async () => {
      await plant();
      expect((await getLurkers(db(), query(G1, at(200), at(300)))).items).toEqual([]);
    });
  });
}
