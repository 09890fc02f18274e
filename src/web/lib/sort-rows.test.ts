import { describe, expect, it } from 'vitest';
import { sortRows, toNextSort } from './sort-rows.ts';

const rows = [
  { id: 'a', name: 'item10', score: 3 },
  { id: 'b', name: 'item2', score: null },
  { id: 'c', name: 'Item1', score: 3 },
  { id: 'd', name: 'item3', score: 7 },
];

describe('sortRows', () => {
  it('sorts numbers either way, empty values last, ties in server order', () => {
    expect(sortRows(rows, (r) => r.score, 'desc').map((r) => r.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortRows(rows, (r) => r.score, 'asc').map((r) => r.id)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('sorts text naturally and case-insensitively', () => {
    expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual([
      'Item1',
      'item2',
      'item3',
      'item10',
    ]);
  });

  it('does not touch the input', () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.name, 'desc');
    expect(rows).toEqual(copy);
  });
});

describe('toNextSort', () => {
  it('starts a new column descending and flips the same one', () => {
    expect(toNextSort(undefined, 'score')).toEqual({ key: 'score', direction: 'desc' });
    expect(toNextSort({ key: 'score', direction: 'desc' }, 'score')).toEqual({
      key: 'score',
      direction: 'asc',
    });
    expect(toNextSort({ key: 'score', direction: 'asc' }, 'score')).toEqual({
      key: 'score',
      direction: 'desc',
    });
    expect(toNextSort({ key: 'score', direction: 'asc' }, 'name')).toEqual({
      key: 'name',
      direction: 'desc',
    });
  });
});
