import { cpus } from 'node:os';
import { toDefaultWindow } from '../src/analytics/analytics-query.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { baselineQueries } from './analytics-baseline/run-baseline.ts';
import { ensureAnalyticsDataset } from './analytics-dataset.ts';
import { runRollupsForBench } from './analytics-rollups.ts';
import { startAnalyticsServer } from './analytics-server.ts';

/**
 * `npm run bench:analytics`: every analytics endpoint of the big guild over HTTP (default
 * windows, caches off), against the straightforward queries over the raw tables. PostgreSQL
 * only (DATABASE_URL); BENCH_SCALE=0.1 for a tenth of issue 5's dataset. BENCH_END_HOURS=h
 * calls them with an explicit 7-day window ending h hours before the data's end instead (the
 * rollups read for a window's partial days depend on the time of day its ends fall on).
 */
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  process.stderr.write('bench:analytics needs DATABASE_URL (a PostgreSQL server).\n');
  process.exit(1);
}
const scale = Number(process.env.BENCH_SCALE ?? '1');
if (!(scale > 0 && scale <= 1)) {
  process.stderr.write('BENCH_SCALE must be a number in (0, 1].\n');
  process.exit(1);
}
const runs = Number(process.env.BENCH_RUNS ?? '20');
const endHours = Number(process.env.BENCH_END_HOURS ?? '0');
if (!(endHours >= 0 && endHours <= 24 * 80)) {
  process.stderr.write('BENCH_END_HOURS must be a number of hours in [0, 1920].\n');
  process.exit(1);
}
const fresh = process.argv.includes('--fresh');
// The response cache (ANALYTICS_CACHE_TTL_SECONDS) must not answer: every call is measured.
process.env.ANALYTICS_CACHE_TTL_SECONDS = '0';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (value: number) =>
  value >= 1_000 ? `${(value / 1_000).toFixed(2)} s` : `${value.toFixed(1)} ms`;

const dataset = await ensureAnalyticsDataset({ serverUrl, scale, fresh });
process.stderr.write(
  `${dataset.reused ? 'Reusing' : 'Generated'} ${dataset.databaseName} (data ends ${dataset.endAt.toISOString()})` +
    `${dataset.reused ? '' : ` in ${dataset.generateSeconds.toFixed(0)} s`}\n`,
);
if (process.argv.includes('--generate-only')) process.exit(0);
const db = await openDatabase({ databaseUrl: dataset.url, dataDir: '' });
const counts = await db.query<{ table: string; rows: number }>(
  // The planner's row estimates (pg_class, kept by VACUUM/ANALYZE and copied with the database,
  // unlike the statistics collector's counts); a partitioned table's are its partitions' sum.
  `SELECT t.name AS table, COALESCE(sum(GREATEST(c.reltuples, 0)), 0)::int AS rows
   FROM unnest(ARRAY['GuildMember', 'Message', 'Presence', 'TypingEvent']) AS t(name)
   JOIN pg_class c ON c.relkind <> 'p' AND (c.oid = quote_ident(t.name)::regclass
     OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = quote_ident(t.name)::regclass))
   GROUP BY 1 ORDER BY 1`,
);
const rollup = await runRollupsForBench(db, dataset.endAt);
const server = await startAnalyticsServer(db, dataset.endAt);
const window = toDefaultWindow(new Date(dataset.endAt.getTime() - endHours * 3_600_000));
const windowParams =
  endHours > 0 ? `from=${window.from.toISOString()}&to=${window.to.toISOString()}` : '';
const query = {
  guildId: dataset.bigGuildId,
  window,
  limit: 50,
  timeZone: 'UTC',
  now: dataset.endAt,
};

const rows: string[][] = [];
const targetMissed: string[] = [];
for (const [path, baseline] of Object.entries(baselineQueries)) {
  const token = await server.token();
  const url = `${server.url}/api/v1/guilds/${dataset.bigGuildId}/${path}${windowParams && `${path.includes('?') ? '&' : '?'}${windowParams}`}`;
  const times: number[] = [];
  for (let i = 0; i <= runs; i += 1) {
    const startMs = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    // The first call warms the connection and the plan cache; it is not counted.
    if (i > 0) times.push(performance.now() - startMs);
  }
  times.sort((a, b) => a - b);
  const baselineTimes: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const startMs = performance.now();
    await baseline(db, query);
    baselineTimes.push(performance.now() - startMs);
  }
  baselineTimes.sort((a, b) => a - b);
  const [p50, p95, base] = [
    percentile(times, 50),
    percentile(times, 95),
    percentile(baselineTimes, 50),
  ];
  if (p95 > 100) targetMissed.push(path);
  rows.push([path, ms(p50), ms(p95), ms(base), `${(base / p50).toFixed(1)}×`]);
  process.stderr.write(`${path}: p50 ${ms(p50)}, p95 ${ms(p95)}, baseline ${ms(base)}\n`);
}
await server.close();
await db.close();

const table = [
  ['Endpoint (big guild, default window)', 'p50', 'p95', 'Baseline (raw SQL)', 'Speed-up (p50)'],
  ['---', '--:', '--:', '--:', '--:'],
  ...rows,
]
  .map((r) => `| ${r.join(' | ')} |`)
  .join('\n');
process.stdout.write(
  [
    `Dataset: ${dataset.databaseName}, scale ${scale}, ${counts.map((c) => `${c.table} ${c.rows.toLocaleString('en-US')}`).join(', ')}; ${cpus().length} cores.`,
    `Rollup job: ${rollup}.`,
    `Window: ${window.from.toISOString()} → ${window.to.toISOString()}${endHours > 0 ? ` (BENCH_END_HOURS=${endHours})` : ' (the default: the last 7 days)'}.`,
    `${runs} calls per endpoint after one warm-up call, over HTTP; baseline: median of 3 runs of the raw queries.`,
    '',
    table,
    '',
    targetMissed.length === 0
      ? 'Target p95 ≤ 100 ms: met by every endpoint.'
      : `Target p95 ≤ 100 ms: NOT MET by ${targetMissed.join(', ')}.`,
    '',
  ].join('\n'),
);
