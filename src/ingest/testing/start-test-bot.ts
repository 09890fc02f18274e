import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { DiscordSimulator } from '../../simulator/discord-simulator.ts';
import type { Database } from '../../store/database.ts';
import { type Bot, type BotOptions, createBot } from '../bot.ts';
import { createIngestMetrics, type IngestMetrics } from '../ingest-metrics.ts';

/** A bot connected to a simulator, with its metrics readable by the test. */
export interface TestBot {
  bot: Bot;
  metrics: IngestMetrics;
  registry: Registry;
  /** The value of a counter (summed over labels, or for one label set). */
  counter(name: keyof IngestMetrics, labels?: Record<string, string>): Promise<number>;
}

/** Starts the real bot (real client library) against `sim`, writing into `db`. */
export const startTestBot = async (
  sim: DiscordSimulator,
  db: Database,
  shards: { shardIds: number[]; shardCount: number } | undefined = undefined,
  writer: BotOptions['writer'] = {},
): Promise<TestBot> => {
  const registry = new Registry();
  const metrics = createIngestMetrics(registry);
  const bot = await createBot({
    token: sim.botToken,
    apiUrl: sim.apiUrl,
    db,
    log: pino({ level: 'silent' }),
    metrics,
    writer: { flushIntervalMs: 5, retryInitialMs: 50, retryMaxMs: 500, ...writer },
    ...shards,
  });
  await bot.start();
  return {
    bot,
    metrics,
    registry,
    counter: async (name, labels) => {
      const { values } = await metrics[name].get();
      return values
        .filter((value) =>
          Object.entries(labels ?? {}).every(
            ([k, v]) => (value.labels as Record<string, unknown>)[k] === v,
          ),
        )
        .reduce((sum, value) => sum + value.value, 0);
    },
  };
};
