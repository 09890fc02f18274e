import type { TimeWindow } from '../../../analytics/analytics-query.ts';

const DAY_MS = 86_400_000;

const offsetMinutes = (format: Intl.DateTimeFormat, at: number): number => {
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
};

/**
 * Whether `timeZone` is a whole number of hours from UTC throughout `window` (checked daily and
 * at the end: offsets change at most twice a year), so UTC hours map onto its hours.
 */
export const isWholeHourZone = (timeZone: string, window: TimeWindow): boolean => {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const end = window.to.getTime();
  for (let at = window.from.getTime(); ; at = Math.min(at + DAY_MS, end)) {
    if (offsetMinutes(format, at) % 60 !== 0) return false;
    if (at >= end) return true;
  }
};
