import { describe, expect, it } from 'vitest';
import { type Meter, toLimitOutcome } from './to-limit-outcome.ts';

const now = new Date('2026-03-31T23:59:30Z');
const minute: Meter = {
  period: 'minute',
  limit: 60,
  value: 10,
  endsAt: new Date('2026-04-01T00:00:00Z'),
};
const daily: Meter = {
  period: 'daily',
  category: 'users',
  limit: 500,
  value: 100,
  endsAt: new Date('2026-04-01T00:00:00Z'),
};
const monthly: Meter = {
  period: 'monthly',
  category: 'users',
  limit: 15_000,
  value: 14_950,
  endsAt: new Date('2026-04-01T00:00:00Z'),
};

describe('toLimitOutcome', () => {
  it('reports the minute and the quota with the fewest requests left', () => {
    expect(toLimitOutcome([minute, daily, monthly], undefined, now)).toEqual({
      headers: {
        'ratelimit-limit': '60',
        'ratelimit-remaining': '50',
        'ratelimit-reset': '30',
        'x-quota-limit': '15000',
        'x-quota-remaining': '50',
        'x-quota-reset': '30',
      },
      refusal: undefined,
    });
  });

  it('has no quota headers where a route has no quota', () => {
    expect(Object.keys(toLimitOutcome([minute], undefined, now).headers)).toEqual([
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
    ]);
  });

  it('names the monthly quota when the month runs out', () => {
    const outcome = toLimitOutcome([minute, daily, { ...monthly, value: 15_000 }], 2, now);
    expect(outcome.headers['retry-after']).toBe('30');
    expect(outcome.refusal?.code).toBe('QUOTA_EXCEEDED');
    expect(outcome.refusal?.details).toEqual({
      quota: 'users',
      period: 'monthly',
      limit: 15_000,
      resetAt: '2026-04-01T00:00:00.000Z',
    });
  });

  it('refuses with RATE_LIMITED when the minute is full', () => {
    const outcome = toLimitOutcome([{ ...minute, value: 60 }], 0, now);
    expect(outcome.headers['ratelimit-remaining']).toBe('0');
    expect(outcome.refusal?.code).toBe('RATE_LIMITED');
    expect(outcome.refusal?.status).toBe(429);
  });
});
