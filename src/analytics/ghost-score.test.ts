import { describe, expect, it } from 'vitest';
import { toGhostScore } from './ghost-score.ts';

describe('toGhostScore', () => {
  it.each([
    [30, 0, 30],
    [30, 10, 2.73],
    [60, 2, 20],
    [0, 0, 0],
    [1, 2, 0.33],
  ])('presence %i, messages %i → %f', (presence, messages, score) => {
    expect(toGhostScore(presence, messages)).toBe(score);
  });
});
