import { describe, expect, it } from 'vitest';
import type { BehaviourShiftRow } from '../store/queries/analytics/list-behaviour-shifts.ts';
import { type ShiftFlag, toBehaviourShift } from './behaviour-shift.ts';

const row = (overrides: Partial<BehaviourShiftRow>): BehaviourShiftRow => ({
  userId: '1',
  username: 'u',
  displayName: 'U',
  messagesBefore: 0,
  messagesNow: 0,
  typingBefore: 0,
  typingNow: 0,
  onlineSecondsBefore: 0,
  onlineSecondsNow: 0,
  platformsBefore: [],
  platformsNow: [],
  messageDrop: false,
  messageSpike: false,
  typingSpike: false,
  newPlatform: false,
  score: 0,
  ...overrides,
});

const cases: [Partial<BehaviourShiftRow>, ShiftFlag[], number, string[]][] = [
  [{}, [], 0, []],
  [{ messageDrop: true, typingSpike: true }, ['messageDrop', 'typingSpike'], 2, []],
  [
    {
      newPlatform: true,
      messageSpike: true,
      platformsBefore: ['desktop'],
      platformsNow: ['desktop', 'mobile', 'web'],
    },
    ['messageSpike', 'newPlatform'],
    2,
    ['mobile', 'web'],
  ],
  // Without the flag (no previous platforms), nothing is called new.
  [{ platformsNow: ['mobile'] }, [], 0, []],
];

describe('toBehaviourShift', () => {
  it.each(cases)('%j → %j', (overrides, flags, score, newPlatforms) => {
    const shift = toBehaviourShift(row(overrides));
    expect(shift.flags).toEqual(flags);
    expect(shift.score).toBe(score);
    expect(shift.newPlatforms).toEqual(newPlatforms);
  });
});
