import type { Queryable } from '../store/database.ts';
import { listReactionLatency } from '../store/queries/analytics/list-reaction-latency.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toWindowJson } from './to-window-json.ts';

/** PRODUCT.md's threshold of a fast sample. */
export const reactionLatencyDefaults = { fastMs: 3_000 } as const;

/**
 * PRODUCT.md analytic 9, from the samples the ingest stores (B typed within 5 s of A's message
 * in the same channel). Per responder B: samples, average and median ms (the median, because
 * one slow answer skews an average of few samples), and fast samples (strictly under
 * `fastMs`, default 3 000). Most samples first.
 */
export const getReactionLatency = async (
  db: Queryable,
  query: AnalyticsQuery,
  fastMs: number = reactionLatencyDefaults.fastMs,
) => ({
  guildId: query.guildId,
  window: toWindowJson(query.window),
  items: await listReactionLatency(db, query, fastMs),
});
