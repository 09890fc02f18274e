import { performance } from 'node:perf_hooks';
import {
  decidePartitionChanges,
  partitionedTables,
  toPartitionName,
  toWeekStart,
} from '../src/privacy/partition-policy.ts';
import type { RetentionStep } from '../src/privacy/retention-policy.ts';
import type { Database } from '../src/store/database.ts';
import { applyPartitionChange } from '../src/store/retention/apply-partition-change.ts';
import { applyRetentionStep } from '../src/store/retention/apply-retention-step.ts';
import { listEventPartitions } from '../src/store/retention/list-event-partitions.ts';
import { createBenchDatabase } from './bench-database.ts';

/**
 * `npm run bench:retention`: expiring presence snapshots older than 90 days, by batched DELETE
 * (the only way before the tables were partitioned) against dropping whole weekly partitions
 * plus a DELETE of the week that straddles the window. PostgreSQL only (DATABASE_URL);
 * BENCH_ROWS rows (default 2,000,000) spread evenly over the last 26 weeks.
 */
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  process.stderr.write('bench:retention needs DATABASE_URL (a PostgreSQL server).\n');
  process.exit(1);
}
const rows = Number(process.env.BENCH_ROWS ?? '2000000');
const DAY_MS = 86_400_000;
const WEEKS = 26;
const now = new Date();
const guildId = '990000000000000001';
const step: RetentionStep = {
  type: 'delete',
  table: 'Presence',
  timeColumn: 'timestamp',
  before: new Date(now.getTime() - 90 * DAY_MS),
  scope: { exceptGuildIds: [] },
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
};

/** Weekly partitions for the whole span, then the rows, then fresh statistics. */
const load = async (db: Database) => {
  await db.query(`TRUNCATE "Presence"`);
  const existing = new Set((await listEventPartitions(db, ['Presence'])).map((p) => p.name));
  for (let week = WEEKS + 1; week >= 0; week -= 1) {
    const from = toWeekStart(new Date(now.getTime() - week * 7 * DAY_MS));
    const name = toPartitionName('Presence', from);
    if (existing.has(name)) continue;
    const to = new Date(from.getTime() + 7 * DAY_MS);
    await applyPartitionChange(db, { type: 'create', table: 'Presence', name, from, to });
  }
  await db.query(
    `INSERT INTO "Presence" ("guildId", "userId", status, "clientStatus", timestamp)
     SELECT $1, u.ids[1 + g % 1000], (ARRAY['online', 'idle', 'dnd', 'offline'])[1 + g % 4],
       '{"desktop": "online"}'::jsonb, $2::timestamptz - g * ($3::float8 / $4) * interval '1 second'
     FROM generate_series(0, $4 - 1) AS g, (SELECT array_agg(id) AS ids FROM "User") AS u`,
    [guildId, now.toISOString(), WEEKS * 7 * 86_400, rows],
  );
  await db.query(`VACUUM ANALYZE "Presence"`);
};

const bench = await createBenchDatabase(serverUrl);
try {
  const { db } = bench;
  await db.query(`INSERT INTO "Guild" (id, name) VALUES ($1, 'bench')`, [guildId]);
  await db.query(
    `INSERT INTO "User" ("discordId", username, discriminator)
     SELECT (100000000000000000 + g)::text, 'u' || g, '0' FROM generate_series(1, 1000) AS g`,
  );
  process.stdout.write(`Loading ${rows.toLocaleString('en')} presence rows over ${WEEKS} weeks…\n`);
  await load(db);
  const [deleted, deleteMs] = await timed(() => applyRetentionStep(db, step, { batchRows: 5_000 }));

  await load(db);
  const [dropped, dropMs] = await timed(async () => {
    const existing = await listEventPartitions(
      db,
      partitionedTables.map((p) => p.table),
    );
    const drops = decidePartitionChanges(now, existing, []).filter(
      (change) => change.type === 'drop' && change.table === 'Presence',
    );
    let n = 0;
    for (const change of drops) n += await applyPartitionChange(db, change);
    return { rows: n, partitions: drops.length };
  });
  const [rest, restMs] = await timed(() => applyRetentionStep(db, step, { batchRows: 5_000 }));

  const partitionMs = dropMs + restMs;
  process.stdout.write(
    [
      `Batched DELETE (5,000 a batch):      ${deleted.toLocaleString('en')} rows in ${seconds(deleteMs)}`,
      `DROP of ${dropped.partitions} weekly partitions:        ${dropped.rows.toLocaleString('en')} rows in ${seconds(dropMs)}`,
      `  + DELETE of the straddling week:   ${rest.toLocaleString('en')} rows in ${seconds(restMs)}`,
      `Partitioned expiry in all:           ${(dropped.rows + rest).toLocaleString('en')} rows in ${seconds(partitionMs)}`,
      `DELETE / partitioned: ${(deleteMs / partitionMs).toFixed(1)}× (drops alone: ${(deleteMs / dropMs).toFixed(0)}×)`,
      '',
    ].join('\n'),
  );
} finally {
  await bench.dispose();
}
