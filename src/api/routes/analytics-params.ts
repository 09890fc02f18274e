import { z } from 'zod';
import {
  type AnalyticsQuery,
  analyticsDefaults,
  toDefaultWindow,
} from '../../analytics/analytics-query.ts';
import { AppError } from '../../errors/app-error.ts';

const DAY_MS = 86_400_000;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** `:guildId` of every guild route. */
export const guildParams = z.object({
  guildId: z.string().regex(/^\d{1,20}$/, 'expected a guild id'),
});

/** The query parameters every analytic takes (PRODUCT.md): window, limit, time zone. */
export const analyticsQuerySchema = z.object({
  from: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time' }).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(analyticsDefaults.maxLimit)
    .default(analyticsDefaults.limit),
  tz: z
    .string()
    .refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris')
    .default(analyticsDefaults.timeZone),
});

type AnalyticsParams = z.infer<typeof analyticsQuerySchema>;

/**
 * The analytics query for a request: the window defaults to the 7 days before `now`; `from`
 * must come before `to`, and a window spans at most 400 days.
 */
export const toAnalyticsQuery = (
  guildId: string,
  params: AnalyticsParams,
  now: Date,
): AnalyticsQuery => {
  const fallback = toDefaultWindow(params.to ? new Date(params.to) : now);
  const window = {
    from: params.from ? new Date(params.from) : fallback.from,
    to: params.to ? new Date(params.to) : fallback.to,
  };
  if (window.from >= window.to) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Invalid request: querystring.from: must be before to',
      [{ field: 'querystring.from', message: 'must be before to' }],
    );
  }
  if (window.to.getTime() - window.from.getTime() > analyticsDefaults.maxWindowDays * DAY_MS) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Invalid request: querystring.from: the window spans more than 400 days',
      [{ field: 'querystring.from', message: 'the window spans more than 400 days' }],
    );
  }
  return { guildId, window, limit: params.limit, timeZone: params.tz, now };
};
