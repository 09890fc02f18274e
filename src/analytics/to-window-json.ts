import type { TimeWindow } from './analytics-query.ts';

/** The window a result covers, as ISO strings. */
export const toWindowJson = (window: TimeWindow): { from: string; to: string } => ({
  from: window.from.toISOString(),
  to: window.to.toISOString(),
});
