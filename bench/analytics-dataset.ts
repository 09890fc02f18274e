import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/store/open-database.ts';
import { type CopySource, toEventSources } from './analytics-event-lines.ts';
import { toMemberSources } from './analytics-member-lines.ts';
import { createPopulation, fullScale } from './analytics-population.ts';
import { createProgressBar } from './progress-bar.ts';

/** The generated dataset a run measures. */
export interface AnalyticsDataset {
  url: string;
  databaseName: string;
  /** The instant the data ends at: the benchmark's "now". */
  endAt: Date;
  bigGuildId: string;
  reused: boolean;
  generateSeconds: number;
}

const MARKER = 'BenchAnalyticsDataset';

const withClient = async <T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/** Streams one source through COPY, in chunks of about 1 MB, with a progress bar. */
const copySource = async (client: pg.Client, source: CopySource) => {
  const bar = createProgressBar(source.table, source.rows);
  const columns = source.columns.map((c) => `"${c}"`).join(', ');
  let done = 0;
  async function* chunks() {
    let chunk: string[] = [];
    let size = 0;
    for (const line of source.lines()) {
      chunk.push(line);
      size += line.length;
      done += 1;
      if (size >= 1_000_000) {
        yield `${chunk.join('\n')}\n`;
        bar.update(done);
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
  }
  await pipeline(chunks, client.query(copyFrom(`COPY "${source.table}" (${columns}) FROM STDIN`)));
  bar.finish(done);
};

/** Secondary indexes of `tables`, dropped for the load and built again after it (faster). */
const listSecondaryIndexes = async (client: pg.Client, tables: string[]) => {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  return rows;
};

const generate = async (url: string, scale: number, endAt: Date) => {
  const population = createPopulation(scale, endAt.getTime());
  const sized = (n: number) => Math.round(n * scale);
  const sources = [
    ...toMemberSources(population, sized(fullScale.roleChanges), endAt.getTime()),
    ...toEventSources(
      population,
      {
        presences: sized(fullScale.presences),
        messages: sized(fullScale.messages),
        typing: sized(fullScale.typing),
        reactions: sized(fullScale.reactions),
        latencies: sized(fullScale.latencies),
      },
      endAt.getTime(),
    ),
  ];
  await withClient(url, async (client) => {
    const tables = sources.map((s) => s.table);
    const indexes = await listSecondaryIndexes(client, tables);
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    // Superusers may skip the per-row foreign-key triggers; the generated rows are consistent.
    await client.query(`SET session_replication_role = replica`).catch(() => undefined);
    for (const source of sources) await copySource(client, source);
    process.stderr.write(`Building ${indexes.length} indexes…\n`);
    // pg_indexes defines a partitioned table's index `ON ONLY` the parent, which builds no
    // partition's index and leaves the parent's invalid: build it on every partition.
    for (const index of indexes) await client.query(index.definition.replace(' ON ONLY ', ' ON '));
    const invalid = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid`,
    );
    if (invalid.rows.length > 0)
      throw new Error(
        `Invalid indexes after the load: ${invalid.rows.map((r) => r.name).join(', ')}`,
      );
    process.stderr.write('VACUUM ANALYZE…\n');
    for (const table of tables) await client.query(`VACUUM (ANALYZE) "${table}"`);
    await client.query(
      `CREATE TABLE "${MARKER}" (scale float8 NOT NULL, "endAt" timestamptz NOT NULL, "bigGuildId" text NOT NULL)`,
    );
    await client.query(`INSERT INTO "${MARKER}" VALUES ($1, $2, $3)`, [
      scale,
      endAt,
      population.guildIds[0],
    ]);
  });
};

const readMarker = (url: string) =>
  withClient(url, async (client) => {
    const exists = await client.query(`SELECT to_regclass($1) AS t`, [`"${MARKER}"`]);
    if (!exists.rows[0]?.t) return undefined;
    const { rows } = await client.query<{ endAt: Date; bigGuildId: string }>(
      `SELECT "endAt", "bigGuildId" FROM "${MARKER}"`,
    );
    return rows[0];
  });

/**
 * The dataset of `scale` in its own database on the server `serverUrl` names (created once and
 * kept, so later runs reuse it; `fresh` drops and generates it again).
 */
export const ensureAnalyticsDataset = async (options: {
  serverUrl: string;
  scale: number;
  fresh: boolean;
}): Promise<AnalyticsDataset> => {
  // BENCH_DATABASE names another database, e.g. a copy made with
  // `CREATE DATABASE copy TEMPLATE spw_bench_analytics_1000` to try a schema change on.
  const databaseName =
    process.env.BENCH_DATABASE ?? `spw_bench_analytics_${Math.round(options.scale * 1_000)}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) {
    throw new Error(`BENCH_DATABASE must be a plain lower-case identifier, got ${databaseName}`);
  }
  const url = new URL(options.serverUrl);
  url.pathname = `/${databaseName}`;
  const existing = await withClient(options.serverUrl, async (admin) => {
    if (options.fresh) await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [
      databaseName,
    ]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${databaseName}`);
    return rowCount !== 0;
  });
  // Migrating an existing dataset brings it to the current schema (new rollup tables too).
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  await db.migrate();
  await db.close();
  const marker = existing ? await readMarker(url.toString()) : undefined;
  if (marker) {
    return {
      url: url.toString(),
      databaseName,
      endAt: marker.endAt,
      bigGuildId: marker.bigGuildId,
      reused: true,
      generateSeconds: 0,
    };
  }
  if (existing) {
    throw new Error(
      `${databaseName} exists without a complete dataset (an interrupted run?): run again with --fresh.`,
    );
  }
  const startMs = performance.now();
  const endAt = new Date(Date.now());
  await generate(url.toString(), options.scale, endAt);
  const [bigGuildId] = createPopulation(options.scale, endAt.getTime()).guildIds;
  return {
    url: url.toString(),
    databaseName,
    endAt,
    bigGuildId: bigGuildId as string,
    reused: false,
    generateSeconds: (performance.now() - startMs) / 1_000,
  };
};
