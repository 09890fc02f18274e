import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import {
  at,
  guildRows,
  messageRows,
  optOut,
  presenceRows,
  reactionRows,
  typingRows,
  writeScenario,
} from './analytics-scenario.ts';
import { getOverview } from './overview.ts';

const G1 = '900000000000000001';
const G2 = '900000000000000002';
const ANN = '100000000000000001';
const BEN = '100000000000000002';
const CAT = '100000000000000003';
const DAN = '100000000000000004';
const EVE = '100000000000000005';
const FAY = '100000000000000006';
const GUS = '100000000000000007';

const query = (guildId: string, from = at(0), to = at(100)): AnalyticsQuery => ({
  guildId,
  window: { from, to },
  limit: 50,
  timeZone: 'UTC',
  now: at(100),
});

for (const backend of testBackends()) {
  describe(`getOverview on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const plant = async () => {
      await writeScenario(db(), {
        ...guildRows(
          G1,
          [ANN, BEN, CAT, DAN, EVE, FAY].map((discordId) => ({ discordId, username: discordId })),
        ),
      });
      await writeScenario(db(), { ...guildRows(G2, [{ discordId: GUS, username: GUS }]) });
      await writeScenario(db(), {
        // The last snapshot of each member is their current presence.
        presences: [
          ...presenceRows(G1, ANN, [at(1)], { desktop: 'online' }),
          ...presenceRows(G1, ANN, [at(2)], { desktop: 'online', mobile: 'idle' }),
          ...presenceRows(G1, BEN, [at(3)], { web: 'idle' }, 'idle'),
          ...presenceRows(G1, CAT, [at(1)], { mobile: 'online', web: 'online' }),
          ...presenceRows(G1, CAT, [at(4)], {}, 'offline'),
          ...presenceRows(G1, FAY, [at(4)], { desktop: 'online', mobile: 'online' }),
          ...presenceRows(G2, GUS, [at(4)], { desktop: 'online', mobile: 'online' }),
        ],
        messages: [
          ...messageRows(G1, ANN, [at(-1), at(0), at(99), at(100)]),
          ...messageRows(G1, FAY, [at(10)]),
          ...messageRows(G2, GUS, [at(10), at(11)]),
        ],
        typing: [...typingRows(G1, BEN, [at(5)]), ...typingRows(G1, CAT, [at(100)])],
        reactions: [...reactionRows(G1, DAN, [at(50)]), ...reactionRows(G1, EVE, [at(-1)])],
        members: [{ guildId: G1, userDiscordId: EVE, leftAt: at(60) }],
      });
      await optOut(db(), FAY, G1);
    };

    it('counts members, presence now and activity in the window, without opted-out members', async () => {
      await plant();
      expect(await getOverview(db(), query(G1))).toEqual({
        guildId: G1,
        window: { from: at(0).toISOString(), to: at(100).toISOString() },
        membersTracked: 4,
        onlineNow: 2,
        multiClientNow: 1,
        multiClientShareNow: 0.5,
        messageCount: 2,
        activeMembers: 3,
      });
    });

    it('keeps guilds apart', async () => {
      await plant();
      expect(await getOverview(db(), query(G2))).toMatchObject({
        membersTracked: 1,
        onlineNow: 1,
        multiClientNow: 1,
        multiClientShareNow: 1,
        messageCount: 2,
        activeMembers: 1,
      });
    });

    it('answers an empty window with zero activity, and a guild with nobody online with share 0', async () => {
      await plant();
      expect(await getOverview(db(), query(G1, at(200), at(300)))).toMatchObject({
        membersTracked: 4,
        onlineNow: 2,
        messageCount: 0,
        activeMembers: 0,
      });
      await writeScenario(db(), { presences: presenceRows(G2, GUS, [at(9)], {}, 'offline') });
      expect(await getOverview(db(), query(G2))).toMatchObject({
        onlineNow: 0,
        multiClientNow: 0,
        multiClientShareNow: 0,
      });
    });
  });
}
