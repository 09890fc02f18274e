import { type LimitWindows, toLimitWindows } from '../../access/limit-windows.ts';
import type { Principal } from '../../access/principal.ts';
import { toQuotaCategory } from '../../access/quota-category.ts';
import {
  KEY_RATE_LIMIT_PER_MINUTE,
  type QuotaCategory,
  SESSION_RATE_LIMIT_PER_MINUTE,
} from '../../access/tier-limits.ts';
import { toEndpointCategory } from '../../access/to-quota-standing.ts';
import { listQuotaTotals } from '../../store/access/list-quota-totals.ts';
import type { Queryable } from '../../store/database.ts';
import type { Counter, CounterStore } from './counter-store.ts';
import { type LimitOutcome, type Meter, toLimitOutcome } from './to-limit-outcome.ts';
import type { UsageRecorder } from './usage-recorder.ts';

/** What the limiter needs: shared counters, the usage record and the clock. */
export interface RateLimiterDeps {
  counters: CounterStore;
  usage: UsageRecorder;
  db: Queryable;
  now: () => Date;
}

/** Measures one authenticated request before its handler runs. */
export interface RateLimiter {
  check(principal: Principal, request: { method: string; route: string }): Promise<LimitOutcome>;
}

const MINUTE_TTL_MS = 2 * 60_000;
const DAY_TTL_MS = 2 * 86_400_000;
const MONTH_TTL_MS = 32 * 86_400_000;
/** Baselines remembered per process; beyond this many keys·days the memory is cleared. */
const MAX_BASELINES = 10_000;

type Baseline = Map<QuotaCategory, { today: number; month: number }>;

/** The endpoint QuotaUsage records: method and route pattern (never the raw URL). */
export const toEndpoint = (method: string, route: string): string => `${method} ${route}`;

const toBaseline = (rows: Awaited<ReturnType<typeof listQuotaTotals>>): Baseline => {
  const baseline: Baseline = new Map();
  for (const row of rows) {
    const category = toEndpointCategory(row.endpoint);
    if (category === undefined) continue;
    const sum = baseline.get(category) ?? { today: 0, month: 0 };
    baseline.set(category, { today: sum.today + row.today, month: sum.month + row.month });
  }
  return baseline;
};

/**
 * Sessions get one generous per-user minute limit. API keys get their tier's minute limit
 * plus, on routes with a quota group, that group's daily and monthly quota; counters that do
 * not exist yet (a new day, a restarted process without Redis) start from QuotaUsage. An
 * allowed key request is recorded in QuotaUsage; a refused one counts nowhere.
 */
export const createRateLimiter = (deps: RateLimiterDeps): RateLimiter => {
  const baselines = new Map<string, Promise<Baseline>>();
  const baselineOf = (apiKeyId: string, windows: LimitWindows): Promise<Baseline> => {
    const cacheKey = `${apiKeyId}|${windows.day}`;
    const cached = baselines.get(cacheKey);
    if (cached) return cached;
    if (baselines.size >= MAX_BASELINES) baselines.clear();
    const loaded = listQuotaTotals(deps.db, apiKeyId, windows).then(toBaseline);
    loaded.catch(() => baselines.delete(cacheKey));
    baselines.set(cacheKey, loaded);
    return loaded;
  };

  const measure = async (counters: Counter[], meters: Omit<Meter, 'value'>[], now: Date) => {
    const result = await deps.counters.consume(counters);
    const measured = meters.map((meter, index) => ({ ...meter, value: result.values[index] ?? 0 }));
    return {
      allowed: result.allowed,
      outcome: toLimitOutcome(measured, result.allowed ? undefined : result.index, now),
    };
  };

  return {
    async check(principal, request) {
      const now = deps.now();
      const windows = toLimitWindows(now);
      const minute = { period: 'minute' as const, endsAt: windows.minuteEndsAt };
      if (principal.via === 'session') {
        const limit = SESSION_RATE_LIMIT_PER_MINUTE;
        const key = `user:{${principal.userId}}:m:${windows.minute}`;
        const counters = [{ key, limit, ttlMs: MINUTE_TTL_MS, initial: 0 }];
        return (await measure(counters, [{ ...minute, limit }], now)).outcome;
      }
      const id = principal.apiKeyId;
      const limit = KEY_RATE_LIMIT_PER_MINUTE[principal.tier];
      const counters: Counter[] = [
        { key: `key:{${id}}:m:${windows.minute}`, limit, ttlMs: MINUTE_TTL_MS, initial: 0 },
      ];
      const meters: Omit<Meter, 'value'>[] = [{ ...minute, limit }];
      const category = toQuotaCategory(request.route);
      if (category !== undefined) {
        const quota = principal.quota[category];
        const base = (await baselineOf(id, windows)).get(category) ?? { today: 0, month: 0 };
        counters.push(
          {
            key: `key:{${id}}:${category}:d:${windows.day}`,
            limit: quota.daily,
            ttlMs: DAY_TTL_MS,
            initial: base.today,
          },
          {
            key: `key:{${id}}:${category}:mo:${windows.month}`,
            limit: quota.monthly,
            ttlMs: MONTH_TTL_MS,
            initial: base.month,
          },
        );
        meters.push(
          { period: 'daily', category, limit: quota.daily, endsAt: windows.dayEndsAt },
          { period: 'monthly', category, limit: quota.monthly, endsAt: windows.monthEndsAt },
        );
      }
      const { allowed, outcome } = await measure(counters, meters, now);
      if (allowed) {
        deps.usage.record({
          apiKeyId: id,
          endpoint: toEndpoint(request.method, request.route),
          date: windows.day,
          at: now,
        });
      }
      return outcome;
    },
  };
};
