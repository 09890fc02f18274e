// `npm run bench:ingest`: the ingest benchmark of issue 3. See bench/README.md.
import { availableParallelism } from 'node:os';
import type { Database } from '../src/store/database.ts';
import { createBenchDatabase } from './bench-database.ts';
import { parseBenchOptions } from './bench-options.ts';
import { countRows, toBenchRows } from './bench-rows.ts';
import { formatReport } from './format-report.ts';
import { eventTableNames, toRawTables } from './raw-tables.ts';
import { runEndToEnd } from './run-end-to-end.ts';
import { runNaiveInserts } from './run-naive-inserts.ts';
import { copyTables, insertTablesWithUnnest } from './run-raw-limit.ts';
import { runShippedBot } from './run-shipped-bot.ts';
import { spawnSimulator } from './spawn-simulator.ts';

const GUILD_SEED = 'bench-guild';
const STREAM_SEED = 'bench-stream';

const options = parseBenchOptions(process.argv.slice(2), process.env);
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

/** The product as `npm start` runs it, in a database (or PGlite folder) of its own. */
const runShipped = async () => {
  const own = options.databaseUrl ? await createBenchDatabase(options.databaseUrl) : undefined;
  const sim = await spawnSimulator({ memberCount: options.members, seed: GUILD_SEED });
  try {
    return await runShippedBot({
      sim,
      databaseUrl: own?.url,
      members: options.members,
      count: options.events,
      streamSeed: STREAM_SEED,
    });
  } finally {
    await sim.close();
    await own?.dispose();
  }
};

try {
  log(`database: ${db.description}; simulator: ${options.members.toLocaleString()} members`);
  const shipped = await runShipped();
  log(`npm start's process: ${Math.round(shipped.eventsPerSecond).toLocaleString()} events/s`);
  const sim = await spawnSimulator({ memberCount: options.members, seed: GUILD_SEED });
  const endToEnd = await runEndToEnd({
    db,
    sim,
    count: options.events,
    streamSeed: STREAM_SEED,
    beforeStream: () => (db.kind === 'postgres' ? db.query('CHECKPOINT') : Promise.resolve([])),
  }).finally(() => sim.close());
  log(`end-to-end: ${Math.round(endToEnd.saturated.eventsPerSecond).toLocaleString()} events/s`);

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
      shipped,
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
  await bench.dispose();
}
