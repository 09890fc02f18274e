import { describe, expect, it } from 'vitest';
import { type ConsumeDecision, type CounterReading, decideConsume } from './decide-consume.ts';

describe('decideConsume', () => {
  it.each<[string, CounterReading[], ConsumeDecision]>([
    ['no counters', [], { type: 'allow' }],
    [
      'room everywhere',
      [
        { value: 0, limit: 60 },
        { value: 999, limit: 1_000 },
      ],
      { type: 'allow' },
    ],
    ['the last slot of the minute', [{ value: 59, limit: 60 }], { type: 'allow' }],
    ['a full minute', [{ value: 60, limit: 60 }], { type: 'refuse', index: 0 }],
    [
      'a full day behind a free minute',
      [
        { value: 3, limit: 60 },
        { value: 1_000, limit: 1_000 },
        { value: 1_000, limit: 30_000 },
      ],
      { type: 'refuse', index: 1 },
    ],
    [
      'the first full counter wins',
      [
        { value: 60, limit: 60 },
        { value: 1_000, limit: 1_000 },
      ],
      { type: 'refuse', index: 0 },
    ],
    ['a limit of zero', [{ value: 0, limit: 0 }], { type: 'refuse', index: 0 }],
  ])('%s', (_name, readings, expected) => {
    expect(decideConsume(readings)).toEqual(expected);
  });
});
