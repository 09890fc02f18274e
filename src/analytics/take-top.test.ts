import { describe, expect, it } from 'vitest';
import { takeTop } from './take-top.ts';

const byTotalThenId = (a: { total: number; id: string }, b: { total: number; id: string }) =>
  b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('takeTop', () => {
  it('gives what sorting everything and slicing gives, ties broken by the comparator', () => {
    let seed = 3;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const items = Array.from({ length: 2_000 }, (_, i) => ({
      total: Math.floor(random() * 40),
      id: String(100_000 + ((i * 7_919) % 2_000)),
    }));
    for (const limit of [1, 2, 50, 500, 1_999, 2_000, 5_000]) {
      expect(takeTop(items, limit, byTotalThenId)).toEqual(
        [...items].sort(byTotalThenId).slice(0, limit),
      );
    }
  });

  it('keeps nothing for a limit of 0 or no items', () => {
    expect(takeTop([{ total: 1, id: '1' }], 0, byTotalThenId)).toEqual([]);
    expect(takeTop([], 5, byTotalThenId)).toEqual([]);
  });
});
