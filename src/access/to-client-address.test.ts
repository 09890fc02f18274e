import { describe, expect, it } from 'vitest';
import { toClientAddress } from './to-client-address.ts';

describe('toClientAddress', () => {
  it.each<[string, string | undefined]>([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:DB8::1', '2001:db8::1'],
    ['::1', '::1'],
    ['203.0.113.256', undefined],
    ['example.com', undefined],
    ['', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(toClientAddress(raw)).toBe(expected);
  });
});
