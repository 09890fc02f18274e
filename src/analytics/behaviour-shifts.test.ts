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
import type { BehaviourShift, ShiftFlag } from './behaviour-shift.ts';
import { getBehaviourShifts } from './behaviour-shifts.ts';

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
const IDA = '100000000000000009';
const everyone = [ANN, BEN, CAT, DAN, EVE, FAY, GUS, HAL, IDA];

/** Current window [100, 200), previous [0, 100), in minutes. */
const query = (guildId: string, now = at(200), limit = 50): AnalyticsQuery => ({
  guildId,
  window: { from: at(100), to: at(200) },
  limit,
  timeZone: 'UTC',
  now,
});

const shift = (
  userId: string,
  flags: ShiftFlag[],
  figures: Partial<BehaviourShift>,
): BehaviourShift => ({
  userId,
  username: `u${userId.slice(-1)}`,
  displayName: `u${userId.slice(-1)}`,
  score: flags.length,
  flags,
  messages: { before: 0, now: 0 },
  typing: { before: 0, now: 0 },
  onlineSeconds: { before: 0, now: 0 },
  platforms: { before: [], now: [] },
  newPlatforms: [],
  ...figures,
});

for (const backend of testBackends()) {
  describe(`getBehaviourShifts on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const plant = async () => {
      const named = everyone.map((discordId) => ({
        discordId,
        username: `u${discordId.slice(-1)}`,
      }));
      await writeScenario(db(), guildRows(G1, named));
      await writeScenario(db(), guildRows(G2, named));
      await writeScenario(db(), {
        presences: [
          ...presenceRows(G1, FAY, [at(50)], { desktop: 'online' }),
          ...presenceRows(G1, FAY, [at(150)], { mobile: 'idle', desktop: 'online' }),
          ...presenceRows(G1, FAY, [at(170)], {}, 'offline'),
          ...presenceRows(G1, FAY, [at(200)], { web: 'online' }),
          ...presenceRows(G1, GUS, [at(150)], { mobile: 'online' }),
          ...presenceRows(G1, IDA, [at(10)], { web: 'online' }),
          ...presenceRows(G1, IDA, [at(150)], { mobile: 'online' }),
        ],
        messages: [
          ...messageRows(G1, ANN, [at(-1), ...instants(at(0), 3), at(200)]),
          ...messageRows(G1, BEN, instants(at(0), 2)),
          ...messageRows(G1, CAT, [...instants(at(0), 5), ...instants(at(100), 15)]),
          ...messageRows(G1, DAN, [...instants(at(0), 5), ...instants(at(100), 14)]),
          ...messageRows(G1, EVE, instants(at(100), 10)),
          ...messageRows(G1, HAL, instants(at(0), 9)),
          ...messageRows(G1, IDA, instants(at(0), 3)),
          ...messageRows(G2, GUS, instants(at(0), 3)),
        ],
        typing: [
          ...typingRows(G1, CAT, [...instants(at(0), 5), ...instants(at(100), 11)]),
          ...typingRows(G1, DAN, [...instants(at(0), 5), ...instants(at(100), 10)]),
          ...typingRows(G1, EVE, [...instants(at(0), 4), ...instants(at(100), 20)]),
        ],
      });
      await optOut(db(), HAL, G1);
    };

    it('flags shifts against the previous window, by score then Discord id', async () => {
      await plant();
      expect(await getBehaviourShifts(db(), query(G1))).toEqual({
        guildId: G1,
        window: { from: at(100).toISOString(), to: at(200).toISOString() },
        previousWindow: { from: at(0).toISOString(), to: at(100).toISOString() },
        items: [
          shift(CAT, ['messageSpike', 'typingSpike'], {
            messages: { before: 5, now: 15 },
            typing: { before: 5, now: 11 },
          }),
          shift(IDA, ['messageDrop', 'newPlatform'], {
            messages: { before: 3, now: 0 },
            onlineSeconds: { before: 5400, now: 6000 },
            platforms: { before: ['web'], now: ['mobile'] },
            newPlatforms: ['mobile'],
          }),
          shift(ANN, ['messageDrop'], { messages: { before: 3, now: 0 } }),
          shift(EVE, ['messageSpike'], {
            messages: { before: 0, now: 10 },
            typing: { before: 4, now: 20 },
          }),
          shift(FAY, ['newPlatform'], {
            onlineSeconds: { before: 3000, now: 4200 },
            platforms: { before: ['desktop'], now: ['desktop', 'mobile'] },
            newPlatforms: ['mobile'],
          }),
        ],
      });
    });

    it('caps online time at now, keeps guilds apart and honours the limit', async () => {
      await plant();
      const early = await getBehaviourShifts(db(), query(G1, at(180)));
      const ida = early.items.find((item) => item.userId === IDA);
      expect(ida?.onlineSeconds).toEqual({ before: 5400, now: 4800 });
      const g2 = await getBehaviourShifts(db(), query(G2));
      expect(g2.items.map((item) => [item.userId, item.flags])).toEqual([[GUS, ['messageDrop']]]);
      const limited = await getBehaviourShifts(db(), query(G1, at(200), 2));
      expect(limited.items.map((item) => item.userId)).toEqual([CAT, IDA]);
    });

    it('raises the flags under other thresholds, at their boundaries', async () => {
      await plant();
      const rules = {
        dropMinMessages: 2,
        spikeRatio: 2,
        spikeMinIncrease: 9,
        typingRatio: 1.5,
        typingMinBefore: 4,
      };
      const answer = await getBehaviourShifts(db(), query(G1), rules);
      // BEN: 2 → 0 messages; DAN: 5 → 14 (2× and +9), typing 5 → 10 (> 1.5×); EVE: typing
      // 4 → 20 (before ≥ 4).
      expect(answer.items.map((item) => [item.userId, item.flags])).toEqual([
        [CAT, ['messageSpike', 'typingSpike']],
        [DAN, ['messageSpike', 'typingSpike']],
        [EVE, ['messageSpike', 'typingSpike']],
        [IDA, ['messageDrop', 'newPlatform']],
        [ANN, ['messageDrop']],
        [BEN, ['messageDrop']],
        [FAY, ['newPlatform']],
      ]);
    });

    it('answers windows without data with no items', async () => {
      await plant();
      const empty = await getBehaviourShifts(db(), {
        ...query(G1),
        window: { from: at(400), to: at(500) },
      });
      expect(empty.items).toEqual([]);
    });
  });
}
