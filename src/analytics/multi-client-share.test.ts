import { describe, expect, it } from 'vitest';
import { toMultiClientShare } from './multi-client-share.ts';

describe('toMultiClientShare', () => {
  it.each([
    [0, 0, 0],
    [0, 5, 0],
    [5, 5, 1],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
  ])('%i of %i → %f', (part, whole, share) => {
    expect(toMultiClientShare(part, whole)).toBe(share);
  });
});
