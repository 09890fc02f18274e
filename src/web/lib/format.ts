const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 1,
});

/** 12,345 or 12.3 in the reader's locale. */
export const formatNumber = (value: number): string => numberFormat.format(value);

/** A share 0–1 as a percentage. */
export const formatPercent = (share: number): string => percentFormat.format(share);

/** A date-time in the reader's locale and zone (or `timeZone`). */
export const formatDateTime = (iso: string | null | undefined, timeZone?: string): string => {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
};

/** 850 ms, 2.4 s, 3 min, 5 h 10 min. */
export const formatDuration = (ms: number): string => {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
};

/** The zone this browser runs in, e.g. Europe/Paris. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
