/** The window presets of every analytic page. */
export const rangePresets = [
  { id: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { id: '90d', label: 'Last 90 days', ms: 90 * 86_400_000 },
] as const;

export type RangePresetId = (typeof rangePresets)[number]['id'];

/** A chosen window: a preset relative to now, or fixed dates. */
export type DateRange = { preset: RangePresetId } | { preset: 'custom'; from: string; to: string };

/**
 * The `from`/`to` query of a range. Presets leave `to` out, so the server's clock (and its
 * cache for the default window) decides "now"; `from` is rounded down to the minute so that
 * re-renders in the same minute ask the same question.
 */
export const toRangeQuery = (range: DateRange, nowMs: number): { from?: string; to?: string } => {
  if (range.preset === 'custom') return { from: range.from, to: range.to };
  if (range.preset === '7d') return {};
  const preset = rangePresets.find((candidate) => candidate.id === range.preset);
  const fromMs = Math.floor((nowMs - (preset?.ms ?? 0)) / 60_000) * 60_000;
  return { from: new Date(fromMs).toISOString() };
};

/** `YYYY-MM-DDTHH:mm` in local time for `<input type="datetime-local">`, and back to ISO. */
export const toLocalInput = (iso: string): string => {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

export const fromLocalInput = (value: string): string | undefined => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};
