// `npm run bench:ingest`: the ingest benchmark of issue 3. See bench/README.md.
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { Database } from '../src/store/database.ts';
import { createBenchDatabase } from './bench-database.ts';
import { parseBenchOptions } from './bench-options.ts';
import { formatReport } from './format-report.ts';
import { trackPeakRss } from './peak-rss.ts';
import { runEndToEnd } from './run-end-to-end.ts';
import { spawnSimulator } from './spawn-simulator.ts';

const GUILD_SEED = 'bench-guild';
const STREAM_SEED = 'bench-stream';

const options = parseBenchOptions(process.argv.slice(2), process.env);
const rss = trackPeakRss();
const startRssBytes = process.memoryUsage.rss();
const bench = await createBenchDatabase(options.databaseUrl);
const { db } = bench;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Each timed phase starts from empty event tables and, on PostgreSQL, a fresh checkpoint. */
const startPhase = async (database: Database, tables: readonly string[]) => {
  await database.query(`TRUNCATE ${tables.map((name) => `"${name}"`).join(', ')}`);
  if (database.kind === 'postgres') await database.query('CHECKPOINT');
};

const listUserIds = async (database: Database) =>
  new Map(
    (
      await database.query<{ discordId: string; id: string }>(`SELECT "discordId", id FROM "User"`)
    ).map((row) => [row.discordId, row.id]),
  );

try {
  log(`database: ${db.description}; simulator: ${options.members.toLocaleString()} members`);
  const sim = await spawnSimulator({ memberCount: options.members, seed: GUILD_SEED });
  const endToEnd = await runEndToEnd({
    db,
    sim,
    rss,
    count: options.events,
    streamSeed: STREAM_SEED,
    beforeStream: () => (db.kind === 'postgres' ? db.query('CHECKPOINT') : Promise.resolve([])),
  }).finally(() => sim.close());
  log(`end-to-end: ${Math.round(endToEnd.saturated.eventsPerSecond).toLocaleString()} events/s`);

  // Loaded only now, so that the bot's memory above is not the simulator's or the rows'.
  const { countRows, toBenchRows } = await import('./bench-rows.ts');
  const { eventTableNames, toRawTables } = await import('./raw-tables.ts');
  const { runNaiveInserts } = await import('./run-naive-inserts.ts');
  const { copyTables, insertTablesWithUnnest } = await import('./run-raw-limit.ts');
  const events = toBenchRows({
    memberCount: options.members,
    guildSeed: GUILD_SEED,
    streamSeed: STREAM_SEED,
    count: options.events,
  });
  await startPhase(db, eventTableNames);
  const baseline = await runNaiveInserts(db, events.slice(0, options.baselineEvents));
  log(`baseline: ${Math.round(baseline.eventsPerSecond).toLocaleString()} events/s`);

  const tables = toRawTables(events, await listUserIds(db));
  await startPhase(db, eventTableNames);
  const raw = bench.url
    ? await copyTables(bench.url, tables)
    : await insertTablesWithUnnest(db, tables);

  const presences = events.filter((rows) => (rows.presences?.length ?? 0) > 0).length;
  console.log(
    formatReport({
      database: db.description,
      cpus: availableParallelism(),
      members: options.members,
      events: options.events,
      rows: countRows(events),
      presenceShare: presences / events.length,
      startRssBytes,
      heapLimitBytes: getHeapStatistics().heap_size_limit,
      endToEnd,
      baseline,
      raw: {
        method: bench.url ? 'COPY' : 'unnest',
        eventsPerSecond: (events.length / raw.elapsedMs) * 1_000,
        databaseCpuPerEvent:
          raw.databaseCpuMs === undefined ? undefined : (raw.databaseCpuMs * 1_000) / events.length,
      },
    }),
  );
} finally {
  rss.stop();
  await bench.dispose();
}
