import { describe, expect, it } from 'vitest';
import type { MemberEventRow } from '../ingest/ingest-rows.ts';
import { detectRaidBursts, type RaidState } from './detect-raid-burst.ts';

const minute = (m: number, s = 0) => new Date(Date.UTC(2026, 10, 10, 12, m, s));
const OLD = new Date(Date.UTC(2020, 0, 1));
const join = (n: number, at: Date, young = false, guildId = '1'): MemberEventRow => ({
  guildId,
  userDiscordId: String(100 + n),
  type: 'join',
  accountCreatedAt: young ? new Date(at.getTime() - 86_400_000) : OLD,
  timestamp: at,
});
/** `count` joins 20 s apart from `start`, numbered from `first`. */
const joins = (
  count: number,
  start: Date,
  first = 0,
  young = (_: number) => false,
  guildId = '1',
) =>
  Array.from({ length: count }, (_, i) =>
    join(first + i, new Date(start.getTime() + i * 20_000), young(i), guildId),
  );

describe('detectRaidBursts (≥ 10 joins within 5 minutes)', () => {
  it('alerts when the tenth join falls within 5 minutes, with the young accounts', () => {
    const alerts = detectRaidBursts(
      new Map(),
      joins(10, minute(0), 0, (i) => i < 3),
    );
    expect(alerts).toEqual([
      {
        guildId: '1',
        alert: {
          kind: 'raidBurst',
          start: minute(0).toISOString(),
          end: minute(3).toISOString(),
          size: 10,
          youngAccounts: 3,
          memberIds: Array.from({ length: 10 }, (_, i) => String(100 + i)),
        },
      },
    ]);
  });

  it('nine joins are not a burst; exactly 5 minutes apart still counts', () => {
    expect(detectRaidBursts(new Map(), joins(9, minute(0)))).toEqual([]);
    const edge = [
      ...joins(9, minute(0), 0).map((j, i) => ({ ...j, timestamp: minute(0, i) })),
      join(9, minute(5)),
    ];
    expect(detectRaidBursts(new Map(), edge).map((a) => a.alert.size)).toEqual([10]);
    const late = [
      ...joins(9, minute(0), 0).map((j, i) => ({ ...j, timestamp: minute(0, i) })),
      join(9, minute(5, 1)),
    ];
    expect(detectRaidBursts(new Map(), late)).toEqual([]);
  });

  it('one raid alerts once, across batches; a later raid alerts again', () => {
    const state: RaidState = new Map();
    expect(detectRaidBursts(state, joins(10, minute(0))).length).toBe(1);
    expect(detectRaidBursts(state, joins(20, minute(3, 20), 10)).length).toBe(0);
    expect(detectRaidBursts(state, joins(10, minute(30), 40)).length).toBe(1);
  });

  it('counts guilds apart and ignores leaves', () => {
    const state: RaidState = new Map();
    const mixed = [
      ...joins(5, minute(0), 0, () => false, '1'),
      ...joins(5, minute(0), 5, () => false, '2'),
      { ...join(20, minute(1)), type: 'leave' as const },
    ];
    expect(detectRaidBursts(state, mixed)).toEqual([]);
    expect(
      detectRaidBursts(
        state,
        joins(5, minute(2), 30, () => false, '2'),
      ).map((a) => a.guildId),
    ).toEqual(['2']);
  });
});
