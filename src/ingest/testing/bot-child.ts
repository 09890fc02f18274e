// A bot in a process of its own, for tests that kill it: `node --import tsx bot-child.ts`.
// Reads SIM_API_URL, SIM_TOKEN and DATABASE_URL or DATA_DIR; prints "started" once its
// gateway session is committed.
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { openDatabase } from '../../store/open-database.ts';
import { createBot } from '../bot.ts';
import { createIngestMetrics } from '../ingest-metrics.ts';

const env = process.env;
const db = await openDatabase({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.DATA_DIR ?? './data',
});
await db.migrate();
const bot = await createBot({
  token: env.SIM_TOKEN ?? '',
  apiUrl: env.SIM_API_URL ?? '',
  db,
  log: pino({ level: env.LOG_LEVEL ?? 'silent' }),
  metrics: createIngestMetrics(new Registry()),
  writer: {
    flushIntervalMs: 5,
    retryInitialMs: 50,
    retryMaxMs: 500,
    // Tells the test how far the store has got (its database may be locked by this process).
    onCommitted: (batch) => {
      const last = batch.at(-1)?.sequence;
      if (last !== null && last !== undefined) console.log(`committed ${last}`);
    },
  },
});
await bot.start();
// The session is stored with the first commit: from then on a crash loses nothing.
await bot.writer.drain();
console.log('started');
process.on('SIGTERM', () => {
  void bot
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
