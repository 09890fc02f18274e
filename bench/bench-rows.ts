import type { IngestRows, LatencyRow } from '../src/ingest/ingest-rows.ts';
import { createLatencyTracker } from '../src/ingest/normalize/latency-tracker.ts';
import { normalizeDispatch } from '../src/ingest/normalize/normalize-dispatch.ts';
import { buildLargeGuild, createBenchmarkMix } from '../src/simulator/index.ts';

/** What the stream's dispatches become, one entry per dispatch, as the bot makes them. */
export type EventRows = Partial<IngestRows>[];

/**
 * The rows of the same dispatches the simulator pushed (same guild, seed and count), made by
 * the bot's normalizers and latency tracker, timed by the scenario's clock instead of arrival.
 */
export const toBenchRows = (options: {
  memberCount: number;
  guildSeed: string;
  streamSeed: string;
  count: number;
}): EventRows => {
  const { guild } = buildLargeGuild({ seed: options.guildSeed, memberCount: options.memberCount });
  const tracker = createLatencyTracker();
  const events = createBenchmarkMix({ seed: options.streamSeed, guild, count: options.count });
  const rows: EventRows = [];
  for (const { event, data, atMs } of events) {
    const receivedAt = new Date(atMs);
    const result = normalizeDispatch(event, data, { receivedAt, captureContent: () => false });
    if (result.kind !== 'rows') {
      rows.push({});
      continue;
    }
    for (const m of result.rows.messages ?? []) {
      const { guildId, channelId, userDiscordId: authorDiscordId, id: messageId } = m;
      tracker.observeMessage({ guildId, channelId, authorDiscordId, messageId, at: receivedAt });
    }
    const latencies: LatencyRow[] = [];
    for (const t of result.rows.typing ?? []) {
      const sample = tracker.observeTyping({ ...t, at: receivedAt });
      if (sample) latencies.push(sample);
    }
    rows.push(latencies.length > 0 ? { ...result.rows, latencies } : result.rows);
  }
  return rows;
};

/** How many rows of each kind, for the report. */
export const countRows = (events: EventRows): number =>
  events.reduce(
    (sum, rows) =>
      sum +
      Object.entries(rows)
        .filter(([kind]) => kind !== 'users')
        .reduce((n, [, list]) => n + list.length, 0),
    0,
  );
