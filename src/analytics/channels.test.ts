import { describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { guildWithMembers, messageRow, optOut, writeActivity } from './activity-test-rows.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { getChannels } from './channels.ts';

const G = '920000000000000001';
const OTHER = '920000000000000002';
const ANA = '120000000000000001';
const BEN = '120000000000000002';
const CY = '120000000000000003';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 10, 12, minute));

const query = (over: Partial<AnalyticsQuery> = {}): AnalyticsQuery => ({
  guildId: G,
  window: { from: at(0), to: at(60) },
  limit: 50,
  timeZone: 'UTC',
  now: at(60),
  ...over,
});

const typing = (guildId: string, userDiscordId: string, channelId: string, minute: number) => ({
  guildId,
  channelId,
  userDiscordId,
  timestamp: at(minute),
});

for (const backend of testBackends()) {
  describe(`getChannels on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const seed = async () => {
      await writeActivity(db(), guildWithMembers(G, { [ANA]: 'ana', [BEN]: 'ben', [CY]: 'cy' }));
      await writeActivity(db(), guildWithMembers(OTHER, { [ANA]: 'ana' }));
      await writeActivity(db(), {
        messages: [
          messageRow(G, ANA, 'general', at(0)),
          messageRow(G, ANA, 'general', at(1)),
          messageRow(G, BEN, 'general', at(2)),
          messageRow(G, ANA, 'memes', at(3)),
          messageRow(G, CY, 'memes', at(59)),
          messageRow(G, CY, 'memes', at(60)),
          messageRow(OTHER, ANA, 'elsewhere', at(5)),
        ],
        typing: [
          typing(G, BEN, 'general', 4),
          typing(G, CY, 'quiet', 5),
          typing(G, CY, 'quiet', 6),
          typing(OTHER, ANA, 'elsewhere', 5),
        ],
      });
    };

    it('counts messages, distinct authors and typing per channel, and channel diversity per member', async () => {
      await seed();
      expect(await getChannels(db(), query())).toEqual({
        guildId: G,
        window: { from: at(0).toISOString(), to: at(60).toISOString() },
        items: [
          { channelId: 'general', messages: 3, authors: 2, typing: 1 },
          { channelId: 'memes', messages: 2, authors: 2, typing: 0 },
          { channelId: 'quiet', messages: 0, authors: 0, typing: 2 },
        ],
        members: [
          { userId: ANA, username: 'ana', displayName: 'ana', channels: 2, messages: 3 },
          { userId: BEN, username: 'ben', displayName: 'ben', channels: 1, messages: 1 },
          { userId: CY, username: 'cy', displayName: 'cy', channels: 1, messages: 1 },
        ],
      });
    });

    it('applies the limit, hides opted-out members, and is empty for an empty window', async () => {
      await seed();
      await optOut(db(), ANA, G);
      const result = await getChannels(db(), query({ limit: 1 }));
      expect(result.items).toEqual([{ channelId: 'general', messages: 1, authors: 1, typing: 1 }]);
      expect(result.members).toEqual([
        { userId: BEN, username: 'ben', displayName: 'ben', channels: 1, messages: 1 },
      ]);
      const empty = await getChannels(db(), query({ window: { from: at(100), to: at(200) } }));
      expect([empty.items, empty.members]).toEqual([[], []]);
    });

    it('breaks ties at the limit by Discord id, whatever order the members were stored in', async () => {
      // Stored largest Discord id first; all three wrote once in one channel.
      await writeActivity(db(), guildWithMembers(G, { [CY]: 'cy', [BEN]: 'ben', [ANA]: 'ana' }));
      await writeActivity(db(), {
        messages: [CY, BEN, ANA].map((id, i) => messageRow(G, id, 'general', at(10 + i))),
        typing: [typing(G, CY, 'quiet', 20), typing(G, CY, 'quiet', 21)],
      });
      const result = await getChannels(db(), query({ limit: 2 }));
      expect(result.members).toEqual([
        { userId: ANA, username: 'ana', displayName: 'ana', channels: 1, messages: 1 },
        { userId: BEN, username: 'ben', displayName: 'ben', channels: 1, messages: 1 },
      ]);
      expect(result.items).toEqual([
        { channelId: 'general', messages: 3, authors: 3, typing: 0 },
        { channelId: 'quiet', messages: 0, authors: 0, typing: 2 },
      ]);
    });
  });
}
