import { toSecondsUntil } from '../../access/limit-windows.ts';
import type { QuotaCategory } from '../../access/tier-limits.ts';
import { AppError } from '../../errors/app-error.ts';

/** One counter a request was measured against: the minute's rate or a daily/monthly quota. */
export interface Meter {
  period: 'minute' | 'daily' | 'monthly';
  /** The quota group (undefined for the rate limit). */
  category?: QuotaCategory;
  limit: number;
  /** The count after this request (allowed) or as it stands (refused). */
  value: number;
  endsAt: Date;
}

/** Response headers for a measured request and, when it was refused, the 429 to answer. */
export interface LimitOutcome {
  headers: Record<string, string>;
  refusal: AppError | undefined;
}

const remainingOf = (meter: Meter) => Math.max(0, meter.limit - meter.value);

const toRefusal = (meter: Meter): AppError => {
  const resetAt = meter.endsAt.toISOString();
  if (meter.period === 'minute') {
    return new AppError(
      'RATE_LIMITED',
      `Rate limit of ${meter.limit} requests per minute reached; retry after ${resetAt}.`,
      { quota: 'rate', period: 'minute', limit: meter.limit, resetAt },
    );
  }
  return new AppError(
    'QUOTA_EXCEEDED',
    `The ${meter.period} ${meter.category} quota of ${meter.limit} requests is used up; it resets at ${resetAt}.`,
    { quota: meter.category, period: meter.period, limit: meter.limit, resetAt },
  );
};

/**
 * `RateLimit-Limit/Remaining/Reset` from the first meter (the rate limit) and
 * `X-Quota-Limit/Remaining/Reset` from the binding quota (the one with the fewest requests
 * left: the daily one, unless the month runs out first). Resets are seconds from `now`.
 * A refused request also gets `Retry-After` (seconds) and the refusal naming its meter.
 */
export const toLimitOutcome = (
  meters: readonly Meter[],
  refusedIndex: number | undefined,
  now: Date,
): LimitOutcome => {
  const headers: Record<string, string> = {};
  const [rate, ...quotas] = meters;
  if (rate) {
    headers['ratelimit-limit'] = String(rate.limit);
    headers['ratelimit-remaining'] = String(remainingOf(rate));
    headers['ratelimit-reset'] = String(toSecondsUntil(rate.endsAt, now));
  }
  const binding = quotas.reduce<Meter | undefined>(
    (tightest, meter) =>
      !tightest || remainingOf(meter) < remainingOf(tightest) ? meter : tightest,
    undefined,
  );
  if (binding) {
    headers['x-quota-limit'] = String(binding.limit);
    headers['x-quota-remaining'] = String(remainingOf(binding));
    headers['x-quota-reset'] = String(toSecondsUntil(binding.endsAt, now));
  }
  const refused = refusedIndex === undefined ? undefined : meters[refusedIndex];
  if (!refused) return { headers, refusal: undefined };
  headers['retry-after'] = String(toSecondsUntil(refused.endsAt, now));
  return { headers, refusal: toRefusal(refused) };
};
