import { describe, expect, it } from 'vitest';
import type { IngestRows } from '../ingest/ingest-rows.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { guildWithMembers, messageRow, optOut, writeActivity } from './activity-test-rows.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { getTimeline } from './timeline.ts';
import { parseTimelineCursor, toTimelineCursor } from './timeline-cursor.ts';
import { toAnomalyMarks } from './to-anomaly-marks.ts';

const G = '950000000000000001';
const OTHER = '950000000000000002';
const ANA = '150000000000000001';
const BEN = '150000000000000002';
const ROLE = '650000000000000001';
const at = (minute: number, ms = 0) => new Date(Date.UTC(2026, 10, 10, 12, minute, 0, ms));

const query = (over: Partial<AnalyticsQuery> = {}): AnalyticsQuery => ({
  guildId: G,
  window: { from: at(-60), to: at(60) },
  limit: 50,
  timeZone: 'UTC',
  now: at(60),
  ...over,
});

describe('toAnomalyMarks', () => {
  const message = (ms: number, id = `m${ms}`) => ({
    kind: 'message' as const,
    id,
    timestamp: at(0, ms),
  });
  const join = (ms: number) => ({ kind: 'join' as const, id: `j${ms}`, timestamp: at(0, ms) });
  it.each([
    ['999 ms after the previous message', message(20_999), [message(20_000)], ['rapidMessage']],
    ['exactly 1 s after it', message(21_000), [message(20_000)], []],
    [
      'at the same instant, after it by id',
      message(20_000, 'm2'),
      [message(20_000, 'm1')],
      ['rapidMessage'],
    ],
    ['9 999 ms after joining', message(9_999), [join(0)], ['messageSoonAfterJoin']],
    ['exactly 10 s after joining', message(10_000), [join(0)], []],
    ['both', message(500), [join(0), message(0)], ['rapidMessage', 'messageSoonAfterJoin']],
    ['a later message is not previous', message(0), [message(500)], []],
  ])('%s', (_, event, anchors, marks) => {
    expect(toAnomalyMarks(event, [...anchors, event])).toEqual(marks);
  });
  it('marks only messages', () => {
    expect(toAnomalyMarks({ kind: 'typing', id: 't', timestamp: at(0, 1) }, [join(0)])).toEqual([]);
  });
});

describe('parseTimelineCursor', () => {
  it('reads back what toTimelineCursor wrote and refuses anything else', () => {
    const position = { at: '2026-11-10T12:00:10.000000Z', kind: 'typing', id: 'abc' };
    expect(parseTimelineCursor(toTimelineCursor(position))).toEqual(position);
    expect(parseTimelineCursor('not a cursor')).toBeUndefined();
    expect(parseTimelineCursor(Buffer.from('["x","y","z"]').toString('base64url'))).toBeUndefined();
  });
});

const typing = (userDiscordId: string, timestamp: Date, guildId = G) => ({
  guildId,
  channelId: 'c1',
  userDiscordId,
  timestamp,
});

const events: Partial<IngestRows> = {
  memberEvents: [
    {
      guildId: G,
      userDiscordId: ANA,
      type: 'join',
      accountCreatedAt: at(-9_999),
      timestamp: at(0),
    },
    {
      guildId: G,
      userDiscordId: ANA,
      type: 'leave',
      accountCreatedAt: at(-9_999),
      timestamp: at(6),
    },
  ],
  presences: [
    {
      guildId: G,
      userDiscordId: ANA,
      status: 'online',
      clientStatus: { desktop: 'online' },
      activities: [{ type: 0, name: 'Elden Ring' }],
      timestamp: at(0, 2_000),
    },
  ],
  messages: [
    messageRow(G, ANA, 'c1', at(0, 5_000), 'hello world'),
    messageRow(G, ANA, 'c2', at(0, 5_500)),
    messageRow(G, ANA, 'c2', at(0, 20_000)),
    messageRow(G, ANA, 'c2', at(-61)),
    messageRow(G, ANA, 'c2', at(60)),
    messageRow(OTHER, ANA, 'c1', at(0, 30_000)),
    messageRow(G, BEN, 'c1', at(0, 30_000)),
  ],
  typing: [
    typing(ANA, at(0, 10_000)),
    typing(ANA, at(0, 10_000)),
    typing(ANA, at(0, 10_000)),
    typing(BEN, at(0, 10_000)),
  ],
  reactions: [
    {
      guildId: G,
      channelId: 'c1',
      messageId: '1',
      userDiscordId: ANA,
      emoji: '👍',
      action: 'added',
      timestamp: at(0, 10_000),
    },
  ],
  memberRoles: [
    { guildId: G, userDiscordId: ANA, roleIds: [ROLE], timestamp: at(1), baseline: false },
  ],
  bans: [
    { guildId: G, userDiscordId: ANA, action: 'ban', timestamp: at(2) },
    { guildId: G, userDiscordId: ANA, action: 'unban', timestamp: at(3) },
  ],
  voiceStates: [
    { guildId: G, userDiscordId: ANA, channelId: 'v1', timestamp: at(4) },
    { guildId: G, userDiscordId: ANA, channelId: null, timestamp: at(5) },
  ],
};

const expected = [
  ['leave', at(6), []],
  ['voice', at(4), []],
  ['ban', at(3), []],
  ['ban', at(2), []],
  ['role', at(1), []],
  ['message', at(0, 20_000), []],
  ['typing', at(0, 10_000), []],
  ['typing', at(0, 10_000), []],
  ['typing', at(0, 10_000), []],
  ['reaction', at(0, 10_000), []],
  ['message', at(0, 5_500), ['rapidMessage', 'messageSoonAfterJoin']],
  ['message', at(0, 5_000), ['messageSoonAfterJoin']],
  ['presence', at(0, 2_000), []],
  ['join', at(0), []],
].map(([kind, time, marks]) => [kind, (time as Date).toISOString(), marks]);

type Item = Awaited<ReturnType<typeof getTimeline>>['items'][number];
const shape = (items: Item[]) => items.map((e) => [e.kind, e.timestamp, e.marks]);

for (const backend of testBackends()) {
  describe(`getTimeline on ${backend.name}`, () => {
    const db = useTestDatabase(backend);

    const seed = async () => {
      await writeActivity(db(), guildWithMembers(G, { [ANA]: 'ana', [BEN]: 'ben' }));
      await writeActivity(db(), guildWithMembers(OTHER, { [ANA]: 'ana' }));
      await writeActivity(db(), {
        memberRoles: [
          { guildId: G, userDiscordId: ANA, roleIds: [], timestamp: at(-1), baseline: true },
        ],
      });
      await writeActivity(db(), events);
    };

    it('lists every kind of event of one member in the window, newest first, with marks', async () => {
      await seed();
      const result = await getTimeline(db(), query(), { userId: ANA });
      expect(shape(result.items)).toEqual(expected);
      expect(result.nextCursor).toBeNull();
      expect(result.items[1]?.detail).toMatchObject({
        channelId: 'v1',
        leftAt: at(5).toISOString(),
      });
      expect(result.items[2]?.detail).toMatchObject({ action: 'unban' });
      expect(result.items[4]?.detail).toMatchObject({ roleId: ROLE, action: 'added' });
    });

    it('pages through equal timestamps without losing or repeating an event', async () => {
      await seed();
      const all = await getTimeline(db(), query(), { userId: ANA });
      for (const limit of [1, 2, 3]) {
        const seen: Item[] = [];
        let cursor: string | null = null;
        do {
          const before = cursor === null ? undefined : parseTimelineCursor(cursor);
          const page = await getTimeline(db(), query({ limit }), {
            userId: ANA,
            ...(before ? { before } : {}),
          });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(seen).toEqual(all.items);
      }
    });

    it('filters by kind and searches content, activity names and channel ids; marks ignore filters', async () => {
      await seed();
      const onlyMessages = await getTimeline(db(), query(), { userId: ANA, kinds: ['message'] });
      expect(shape(onlyMessages.items)).toEqual(expected.filter(([kind]) => kind === 'message'));
      const elden = await getTimeline(db(), query(), { userId: ANA, search: 'ELDEN' });
      expect(elden.items.map((e) => e.kind)).toEqual(['presence']);
      const hello = await getTimeline(db(), query(), { userId: ANA, search: 'hello' });
      expect(hello.items.map((e) => e.detail.content)).toEqual(['hello world']);
      const c1 = await getTimeline(db(), query(), { userId: ANA, search: 'c1' });
      expect(c1.items.map((e) => e.kind)).toEqual([
        'typing',
        'typing',
        'typing',
        'reaction',
        'message',
      ]);
      const wildcard = await getTimeline(db(), query(), { userId: ANA, search: '%' });
      expect(wildcard.items).toEqual([]);
    });

    it('shows nothing of an opted-out member, and nothing in an empty window', async () => {
      await seed();
      const empty = await getTimeline(db(), query({ window: { from: at(100), to: at(200) } }), {
        userId: ANA,
      });
      expect(empty.items).toEqual([]);
      await optOut(db(), ANA, G);
      expect((await getTimeline(db(), query(), { userId: ANA })).items).toEqual([]);
    });
  });
}
