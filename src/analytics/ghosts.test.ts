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
  typingRows,
  writeScenario,
} from './analytics-scenario.ts';
import { getGhosts } from './ghosts.ts';

const G1 = '900000000000000001';
const G2 = '900000000000000002';
const ANN = '100000000000000001';
const BEN = '100000000000000002';
const CAT = '100000000000000003';
const DAN = '100000000000000004';
const EVE = '100000000000000005';
const FAY = '100000000000000006';
const GUS = '100000000000000007';
const IDA = '100000000000000009';
const members = [ANN, BEN, CAT, DAN, EVE, FAY, GUS, IDA].map((discordId) => ({
  discordId,
  username: `user${discordId.slice(-1)}`,
}));

const query = (guildId: string, from = at(0), to = at(1000), limit = 50): AnalyticsQuery => ({
  guildId,
  window: { from, to },
  limit,
  timeZone: 'UTC',
  now: at(1000),
});

const ghost = (
  userId: string,
  ghostScore: number,
  presenceCount: number,
  messageCount: number,
  typingCount: number,
) => ({
  userId,
  username: `user${userId.slice(-1)}`,
  displayName: `user${userId.slice(-1)}`,
  ghostScore,
  presenceCount,
  messageCount,
  typingCount,
});

for (const backend of testBackends()) {
  describe(`getGhosts on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const plant = async () => {
      await writeScenario(db(), { ...guildRows(G1, members) });
      await writeScenario(db(), { ...guildRows(G2, [{ discordId: GUS, username: 'user7' }]) });
      await writeScenario(db(), {
        presences: [
          // Exactly minPresence and exactly maxMessages: listed.
          ...presenceRows(G1, ANN, instants(at(0), 30)),
          // One snapshot short.
          ...presenceRows(G1, BEN, instants(at(0), 29)),
          // One message too many.
          ...presenceRows(G1, CAT, instants(at(0), 40)),
          // Offline snapshots are not presence.
          ...presenceRows(G1, DAN, instants(at(0), 29)),
          ...presenceRows(G1, DAN, instants(at(100), 5), {}, 'offline'),
          // Events just outside [from, to) do not count.
          ...presenceRows(G1, EVE, [at(-1)]),
          ...presenceRows(G1, EVE, instants(at(0), 60, 2), { mobile: 'idle' }, 'idle'),
          ...presenceRows(G1, EVE, [at(1000)]),
          ...presenceRows(G1, FAY, instants(at(0), 60)),
          // Present in the other guild: no leak.
          ...presenceRows(G1, GUS, instants(at(0), 10)),
          ...presenceRows(G2, GUS, instants(at(0), 50)),
          // Same score as ANN: the Discord id breaks the tie.
          ...presenceRows(G1, IDA, instants(at(0), 30)),
        ],
        messages: [
          ...messageRows(G1, ANN, instants(at(10), 10)),
          ...messageRows(G1, CAT, instants(at(10), 11)),
          ...messageRows(G1, EVE, [at(-1), at(5), at(6), at(1000)]),
          ...messageRows(G1, IDA, instants(at(10), 10)),
          ...messageRows(G1, GUS, instants(at(10), 20)),
        ],
        typing: [
          ...typingRows(G1, ANN, instants(at(10), 3)),
          ...typingRows(G2, ANN, instants(at(10), 4)),
          ...typingRows(G1, EVE, [at(-1), at(7), at(1000)]),
        ],
      });
    };

    it('lists members present but silent, by score then Discord id, thresholds inclusive', async () => {
      await plant();
      expect(await getGhosts(db(), query(G1))).toEqual({
        guildId: G1,
        window: { from: '2026-11-10T00:00:00.000Z', to: '2026-11-10T16:40:00.000Z' },
        items: [
          ghost(FAY, 60, 60, 0, 0),
          ghost(EVE, 20, 60, 2, 1),
          ghost(ANN, 2.73, 30, 10, 3),
          ghost(IDA, 2.73, 30, 10, 0),
        ],
      });
    });

    it('hides opted-out members, honours the limit and the thresholds', async () => {
      await plant();
      await optOut(db(), FAY, G1);
      const limited = await getGhosts(db(), query(G1, at(0), at(1000), 1));
      expect(limited.items.map((g) => g.userId)).toEqual([EVE]);
      const strict = await getGhosts(db(), query(G1), { minPresence: 31, maxMessages: 9 });
      expect(strict.items.map((g) => g.userId)).toEqual([EVE]);
      // GUS talks in G1 only: a ghost of G2.
      expect((await getGhosts(db(), query(G2))).items).toEqual([ghost(GUS, 50, 50, 0, 0)]);
      const above = await getGhosts(db(), query(G2), { minPresence: 51, maxMessages: 0 });
      expect(above.items).toEqual([]);
    });

    it('answers an empty window with no items', async () => {
      await plant();
      expect((await getGhosts(db(), query(G1, at(2000), at(3000)))).items).toEqual([]);
    });
  });
}
