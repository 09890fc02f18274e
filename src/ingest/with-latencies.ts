import type { IngestRows } from './ingest-rows.ts';
import type { LatencyTracker } from './normalize/latency-tracker.ts';

/** Adds reaction-latency samples for this dispatch's messages and typing. */
export const withLatencies = (
  rows: Partial<IngestRows>,
  tracker: LatencyTracker,
  at: Date,
): Partial<IngestRows> => {
  for (const m of rows.messages ?? []) {
    tracker.observeMessage({
      guildId: m.guildId,
      channelId: m.channelId,
      authorDiscordId: m.userDiscordId,
      messageId: m.id,
      at,
    });
  }
  const latencies = [];
  for (const t of rows.typing ?? []) {
    const sample = tracker.observeTyping({
      guildId: t.guildId,
      channelId: t.channelId,
      userDiscordId: t.userDiscordId,
      at,
    });
    if (sample) latencies.push(sample);
  }
  return latencies.length > 0 ? { ...rows, latencies } : rows;
};
