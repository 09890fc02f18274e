import { describe, expect, it } from 'vitest';
import { FREE_QUOTA, parseKeyQuota, toTierQuota } from './tier-limits.ts';

describe('tier quotas', () => {
  it('gives FREE the seed quota, PRO ten times and ENTERPRISE a hundred times it', () => {
    expect(toTierQuota('FREE')).toEqual({
      analytics: { daily: 1_000, monthly: 30_000 },
      users: { daily: 500, monthly: 15_000 },
    });
    expect(toTierQuota('PRO')).toEqual({
      analytics: { daily: 10_000, monthly: 300_000 },
      users: { daily: 5_000, monthly: 150_000 },
    });
    expect(toTierQuota('ENTERPRISE')).toEqual({
      analytics: { daily: 100_000, monthly: 3_000_000 },
      users: { daily: 50_000, monthly: 1_500_000 },
    });
  });

  it('reads a stored quota, and falls back to the tier for anything else', () => {
    const custom = { analytics: { daily: 5, monthly: 50 }, users: { daily: 1, monthly: 2 } };
    expect(parseKeyQuota(custom, 'FREE')).toEqual(custom);
    expect(parseKeyQuota({ analytics: { daily: 5 } }, 'PRO')).toEqual(toTierQuota('PRO'));
    expect(parseKeyQuota(null, 'FREE')).toEqual(FREE_QUOTA);
  });
});
