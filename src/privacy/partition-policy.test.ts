import { describe, expect, it } from 'vitest';
import {
  decidePartitionChanges,
  type PartitionChange,
  parsePartitionWeek,
  toPartitionName,
  toWeekStart,
} from './partition-policy.ts';

// A Wednesday; its week starts Monday 2026-11-23.
const now = new Date('2026-11-25T12:00:00Z');
const week = (iso: string) => new Date(`${iso}T00:00:00Z`);
const summary = (changes: PartitionChange[], table: string) =>
  changes.filter((c) => c.table === table).map((c) => `${c.type} ${c.name}`);

describe('toWeekStart', () => {
  it.each([
    ['2026-11-23T00:00:00Z', '2026-11-23'],
    ['2026-11-25T12:00:00Z', '2026-11-23'],
    ['2026-11-29T23:59:59Z', '2026-11-23'],
    ['2026-11-30T00:00:00Z', '2026-11-30'],
    ['2027-01-01T08:00:00Z', '2026-12-28'],
  ])('%s is in the week of %s', (at, monday) => {
    expect(toWeekStart(new Date(at))).toEqual(week(monday));
  });
});

describe('partition names', () => {
  it('round-trips and ignores DEFAULT and other tables', () => {
    expect(toPartitionName('Presence', week('2026-11-23'))).toBe('Presence_p20261123');
    expect(parsePartitionWeek('Presence', 'Presence_p20261123')).toEqual(week('2026-11-23'));
    expect(parsePartitionWeek('Presence', 'Presence_default')).toBeUndefined();
    expect(parsePartitionWeek('Message', 'Presence_p20261123')).toBeUndefined();
  });
});

describe('decidePartitionChanges', () => {
  const typing = (...mondays: string[]) =>
    mondays.map((monday) => ({ table: 'TypingEvent', name: `TypingEvent_p${monday}` }));
  const ahead = ['20261123', '20261130', '20261207', '20261214', '20261221'];

  it('creates this week and the next four when none exist', () => {
    expect(summary(decidePartitionChanges(now, [], []), 'TypingEvent')).toEqual(
      ahead.map((monday) => `create TypingEvent_p${monday}`),
    );
  });

  it('drops a week only once its end is at or before the start of the window', () => {
    // Typing keeps 30 days: the window starts 2026-10-26T12:00Z.
    const existing = [
      ...typing('20261012', '20261019', '20261026', ...ahead),
      { table: 'TypingEvent', name: 'TypingEvent_default' },
    ];
    expect(summary(decidePartitionChanges(now, existing, []), 'TypingEvent')).toEqual([
      'drop TypingEvent_p20261012',
      'drop TypingEvent_p20261019',
    ]);
  });

  it('keeps weeks a guild with a longer override still needs; shorter overrides change nothing', () => {
    const existing = typing('20261012', '20261019', ...ahead);
    const longer = [{ guildId: 'g1', days: { typing: 37 } }];
    const shorter = [{ guildId: 'g2', days: { typing: 7, presence: 400 } }];
    expect(summary(decidePartitionChanges(now, existing, longer), 'TypingEvent')).toEqual([
      'drop TypingEvent_p20261012',
    ]);
    expect(summary(decidePartitionChanges(now, existing, shorter), 'TypingEvent')).toEqual([
      'drop TypingEvent_p20261012',
      'drop TypingEvent_p20261019',
    ]);
  });

  it('follows each table’s own kind', () => {
    const existing = [
      { table: 'Presence', name: 'Presence_p20260817' },
      { table: 'Presence', name: 'Presence_p20260824' },
      { table: 'Message', name: 'Message_p20261019' },
    ];
    const drops = decidePartitionChanges(now, existing, []).filter((c) => c.type === 'drop');
    expect(drops.map((c) => c.name)).toEqual(['Presence_p20260817', 'Message_p20261019']);
  });
});
