import type { Database, Queryable } from '../src/store/database.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { ensureAnalyticsDataset } from './analytics-dataset.ts';
import { runRollupsForBench } from './analytics-rollups.ts';
import { startAnalyticsServer } from './analytics-server.ts';

/**
 * `npm run bench:explain -- <path>…` (e.g. `analytics/ghosts 'overview?tz=Europe/Paris'`):
 * calls each endpoint of the benchmark dataset's big guild once to warm up, once timed, then once
 * more with every SELECT it sends to the database timed and explained (EXPLAIN ANALYZE, BUFFERS),
 * so a slow endpoint shows which statement and which plan node take its time. PostgreSQL only
 * (DATABASE_URL, BENCH_SCALE and BENCH_DATABASE as for bench:analytics).
 */
const serverUrl = process.env.DATABASE_URL;
const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!serverUrl || paths.length === 0) {
  process.stderr.write('usage: DATABASE_URL=… npm run bench:explain -- <endpoint path>…\n');
  process.exit(1);
}
const scale = Number(process.env.BENCH_SCALE ?? '1');

let explaining = false;
const explained: { ms: number; text: string; plan: string }[] = [];

/** A statement EXPLAIN ANALYZE can run again without writing anything twice. */
const isRead = (text: string) =>
  /^\s*(WITH|SELECT)\b/i.test(text) && !/\b(INSERT|UPDATE|DELETE|MERGE)\b/i.test(text);

/** Times and explains every read statement while `explaining`; writes pass through. */
const explainQueryable = (inner: Queryable): Queryable => ({
  async query<Row extends object>(text: string, params?: readonly unknown[]) {
    if (!explaining || !isRead(text)) return inner.query<Row>(text, params);
    const startMs = performance.now();
    const rows = await inner.query<Row>(text, params);
    const ms = performance.now() - startMs;
    const plan = await inner.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${text}`,
      params,
    );
    explained.push({ ms, text, plan: plan.map((r) => r['QUERY PLAN']).join('\n') });
    return rows;
  },
});

const explainDatabase = (db: Database): Database =>
  new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'query') return explainQueryable(target).query;
      if (key === 'transaction') {
        return <T>(fn: (tx: Queryable) => Promise<T>) =>
          target.transaction((tx) => fn(explainQueryable(tx)));
      }
      return Reflect.get(target, key, receiver);
    },
  });

const dataset = await ensureAnalyticsDataset({ serverUrl, scale, fresh: false });
const db = await openDatabase({ databaseUrl: dataset.url, dataDir: '' });
process.stderr.write(`Rollups: ${await runRollupsForBench(db, dataset.endAt)}\n`);
const server = await startAnalyticsServer(explainDatabase(db), dataset.endAt);
for (const path of paths) {
  const url = `${server.url}/api/v1/guilds/${dataset.bigGuildId}/${path}`;
  const call = async () => {
    const startMs = performance.now();
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${await server.token()}` },
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    return performance.now() - startMs;
  };
  await call();
  const totalMs = await call();
  explained.length = 0;
  explaining = true;
  await call();
  explaining = false;
  // Statements an endpoint sends concurrently overlap (and each one's EXPLAIN can slow another).
  const sqlMs = explained.reduce((sum, e) => sum + e.ms, 0);
  process.stdout.write(
    `\n=== ${path}: ${totalMs.toFixed(1)} ms over HTTP; then ${explained.length} SELECTs took ${sqlMs.toFixed(1)} ms in all\n`,
  );
  for (const e of explained) {
    process.stdout.write(
      `\n--- ${e.ms.toFixed(1)} ms: ${e.text.replace(/\s+/g, ' ').slice(0, 160)}…\n${e.plan}\n`,
    );
  }
}
await server.close();
await db.close();
