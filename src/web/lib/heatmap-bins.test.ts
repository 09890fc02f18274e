import { describe, expect, it } from 'vitest';
import { toHeatLevel, toHeatmapMatrix } from './heatmap-bins.ts';

describe('toHeatmapMatrix', () => {
  it('bins sparse cells into 7 × 24 with zeros, Monday first', () => {
    const matrix = toHeatmapMatrix([
      { dayOfWeek: 1, hour: 0, count: 4 },
      { dayOfWeek: 7, hour: 23, count: 9 },
      { dayOfWeek: 3, hour: 12, count: 2 },
    ]);
    expect(matrix.rows.map((row) => row.label)).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);
    expect(matrix.rows.every((row) => row.counts.length === 24)).toBe(true);
    expect(matrix.rows[0]?.counts[0]).toBe(4);
    expect(matrix.rows[2]?.counts[12]).toBe(2);
    expect(matrix.rows[6]?.counts[23]).toBe(9);
    expect(matrix.rows[1]?.counts.every((count) => count === 0)).toBe(true);
    expect(matrix.max).toBe(9);
    expect(matrix.total).toBe(15);
  });

  it('starts the week on Sunday when asked', () => {
    const matrix = toHeatmapMatrix([{ dayOfWeek: 7, hour: 5, count: 1 }], 7);
    expect(matrix.rows.map((row) => row.dayOfWeek)).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(matrix.rows[0]?.counts[5]).toBe(1);
  });

  it('adds duplicate cells and drops cells outside the grid', () => {
    const matrix = toHeatmapMatrix([
      { dayOfWeek: 2, hour: 8, count: 1 },
      { dayOfWeek: 2, hour: 8, count: 2 },
      { dayOfWeek: 0, hour: 8, count: 50 },
      { dayOfWeek: 2, hour: 24, count: 50 },
      { dayOfWeek: 2, hour: 1.5, count: 50 },
    ]);
    expect(matrix.rows[1]?.counts[8]).toBe(3);
    expect(matrix.max).toBe(3);
    expect(matrix.total).toBe(3);
  });
});

describe('toHeatLevel', () => {
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [2, 10, 1],
    [3, 10, 2],
    [10, 10, 5],
    [5, 0, 0],
  ])('count %i of max %i is level %i', (count, max, level) => {
    expect(toHeatLevel(count, max)).toBe(level);
  });
});
