import { describe, expect, it } from 'vitest';
import type { SuspicionInputRow } from '../store/queries/analytics/list-suspicion-inputs.ts';
import {
  type FactorValue,
  type SuspicionFactorName,
  scoreSuspicion,
  suspicionFactorNames,
  suspicionTotal,
  suspicionWeights,
} from './score-suspicion.ts';
import { toSuspicionFactors, toSuspicionFactorValues } from './to-suspicion-factors.ts';

const factors = (values: Partial<Record<SuspicionFactorName, number>>) =>
  Object.fromEntries(
    suspicionFactorNames.map((name) => [name, { value: values[name] ?? 0, reason: name }]),
  ) as Record<SuspicionFactorName, FactorValue>;

describe('scoreSuspicion', () => {
  it.each([
    ['nothing', {}, suspicionWeights, 0],
    [
      'every factor at 100',
      Object.fromEntries(suspicionFactorNames.map((n) => [n, 100])),
      suspicionWeights,
      100,
    ],
    ['a new account alone (weight 20)', { newAccount: 100 }, suspicionWeights, 20],
    ['ghost 30 and lurker 100', { ghost: 30, lurker: 100 }, suspicionWeights, 15],
    [
      'weights that do not sum to 100 are normalised',
      { ghost: 100 },
      { ...suspicionWeights, ghost: 100 },
      54,
    ],
    [
      'all weights 0',
      { ghost: 100 },
      Object.fromEntries(suspicionFactorNames.map((n) => [n, 0])),
      0,
    ],
  ])('%s', (_, values, weights, total) => {
    const score = scoreSuspicion(factors(values), weights as typeof suspicionWeights);
    expect(score.total).toBe(total);
    expect(score.factors.map((f) => f.name)).toEqual([...suspicionFactorNames]);
  });
  it('returns each factor with its weight, value and reason', () => {
    expect(scoreSuspicion(factors({ raidJoin: 100 })).factors.at(-1)).toEqual({
      name: 'raidJoin',
      weight: 10,
      value: 100,
      reason: 'raidJoin',
    });
  });
});

const input = (over: Partial<SuspicionInputRow> = {}): SuspicionInputRow => ({
  userId: '1',
  username: 'u',
  displayName: 'u',
  presenceCount: 0,
  snapshots: 0,
  multiClientSnapshots: 0,
  messages: 0,
  previousMessages: 0,
  typing: 0,
  previousTyping: 0,
  reactions: 0,
  messageGaps: 0,
  gapVariation: null,
  escalatedRoleIds: [],
  accountAgeAtJoinMs: null,
  ...over,
});
const DAY = 86_400_000;

describe('toSuspicionFactors', () => {
  it.each<[string, Partial<SuspicionInputRow>, SuspicionFactorName, number]>([
    ['ghost at exactly 30 snapshots', { presenceCount: 30 }, 'ghost', 30],
    ['no ghost at 29 snapshots', { presenceCount: 29 }, 'ghost', 0],
    ['ghost at exactly 10 messages', { presenceCount: 440, messages: 10 }, 'ghost', 40],
    ['no ghost at 11 messages', { presenceCount: 440, messages: 11 }, 'ghost', 0],
    ['ghost capped at 100', { presenceCount: 500 }, 'ghost', 100],
    ['lurker at exactly 5 snapshots', { presenceCount: 5 }, 'lurker', 100],
    ['no lurker at 4', { presenceCount: 4 }, 'lurker', 0],
    ['no lurker with one reaction', { presenceCount: 5, reactions: 1 }, 'lurker', 0],
    ['multi-client share', { snapshots: 3, multiClientSnapshots: 1 }, 'multiClient', 33],
    ['account under a day', { accountAgeAtJoinMs: DAY - 1 }, 'newAccount', 100],
    ['account of exactly a day', { accountAgeAtJoinMs: DAY }, 'newAccount', 70],
    ['account of exactly 7 days', { accountAgeAtJoinMs: 7 * DAY }, 'newAccount', 30],
    ['account of exactly 30 days', { accountAgeAtJoinMs: 30 * DAY }, 'newAccount', 0],
    ['escalation', { escalatedRoleIds: ['9'] }, 'roleEscalation', 100],
    ['message drop from exactly 3', { previousMessages: 3 }, 'behaviourShift', 33],
    ['no drop from 2', { previousMessages: 2 }, 'behaviourShift', 0],
    ['spike: 3× and 10 more', { previousMessages: 5, messages: 15 }, 'behaviourShift', 33],
    ['no spike at 9 more', { previousMessages: 4, messages: 13 }, 'behaviourShift', 0],
    ['typing spike from 5', { previousTyping: 5, typing: 11 }, 'behaviourShift', 33],
    ['no typing spike at exactly 2×', { previousTyping: 5, typing: 10 }, 'behaviourShift', 0],
    [
      'all three shifts',
      { previousMessages: 3, previousTyping: 5, typing: 11 },
      'behaviourShift',
      67,
    ],
    [
      'metronome: 9 gaps, no variation',
      { messages: 10, messageGaps: 9, gapVariation: 0 },
      'timingRegularity',
      100,
    ],
    ['8 gaps are too few', { messages: 9, messageGaps: 8, gapVariation: 0 }, 'timingRegularity', 0],
    ['variation 0.1 is still 100', { messageGaps: 9, gapVariation: 0.1 }, 'timingRegularity', 100],
    ['variation 0.55 is half', { messageGaps: 9, gapVariation: 0.55 }, 'timingRegularity', 50],
    ['variation 1.5 is human', { messageGaps: 9, gapVariation: 1.5 }, 'timingRegularity', 0],
  ])('%s', (_, over, name, value) => {
    expect(toSuspicionFactors(input(over), false)[name].value).toBe(value);
  });
  it('explains each factor', () => {
    const result = toSuspicionFactors(
      input({ presenceCount: 30, accountAgeAtJoinMs: DAY / 2 }),
      true,
    );
    expect(result.ghost.reason).toBe('30 online snapshots, 0 messages: ghost score 30.0');
    expect(result.newAccount.reason).toBe('account was 0.5 days old at join');
    expect(result.raidJoin).toEqual({ value: 100, reason: 'joined during a raid burst' });
  });
  it('ranks by the same values and total without writing reasons', () => {
    // Every combination of inputs at and around the factors' thresholds.
    const grid = [
      { presenceCount: 0 },
      { presenceCount: 5 },
      { presenceCount: 30, messages: 10 },
      { presenceCount: 300, messages: 11, typing: 2 },
      { snapshots: 40, multiClientSnapshots: 13 },
      { accountAgeAtJoinMs: DAY * 6.9 },
      { accountAgeAtJoinMs: DAY * 29 },
      { escalatedRoleIds: ['9'] },
      { previousMessages: 3, previousTyping: 5, typing: 11 },
      { messages: 12, messageGaps: 11, gapVariation: 0.37 },
    ];
    for (const over of grid) {
      for (const raid of [false, true]) {
        const full = toSuspicionFactors(input(over), raid);
        const values = toSuspicionFactorValues(input(over), raid);
        expect(values).toEqual(
          Object.fromEntries(suspicionFactorNames.map((n) => [n, full[n].value])),
        );
        expect(suspicionTotal(values)).toBe(scoreSuspicion(full).total);
      }
    }
  });
});
