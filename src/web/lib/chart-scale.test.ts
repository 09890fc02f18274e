import { describe, expect, it } from 'vitest';
import { toLinearScale, toNiceMax, toTicks } from './chart-scale.ts';

describe('chart scale', () => {
  it.each([
    [0, 1],
    [-5, 1],
    [1, 1],
    [7, 10],
    [12, 20],
    [142, 200],
    [2_400, 2_500],
    [10_233, 20_000],
    [0.3, 0.5],
  ])('rounds a maximum of %d up to %d', (max, nice) => {
    expect(toNiceMax(max)).toBeCloseTo(nice);
  });

  it.each([
    [200, [0, 50, 100, 150, 200]],
    [50, [0, 10, 20, 30, 40, 50]],
    [2_000, [0, 500, 1_000, 1_500, 2_000]],
    [4, [0, 1, 2, 3, 4]],
    [25, [0, 5, 10, 15, 20, 25]],
  ])('puts the ticks of %d at round steps', (max, ticks) => {
    expect(toTicks(max)).toEqual(ticks);
  });

  it('maps a domain onto a range, a flat domain to the range start', () => {
    const y = toLinearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(toLinearScale([5, 5], [10, 90])(5)).toBe(10);
  });
});
