import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../src/store/database.ts';
import { readProcessCpuMs } from './process-cpu.ts';
import type { RawTable } from './raw-tables.ts';

/** How long the rows took, and the database's CPU time for them where it can be read. */
export interface RawLimitResult {
  elapsedMs: number;
  databaseCpuMs: number | undefined;
}

/** COPY's text format: tab-separated, `\N` for null, backslash escapes. */
const toCopyField = (value: unknown): string =>
  value === null || value === undefined
    ? '\\N'
    : String(value).replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      );

const toCopyText = (table: RawTable): string =>
  table.rows.map((row) => `${row.map(toCopyField).join('\t')}\n`).join('');

const quoted = (table: RawTable) =>
  `"${table.name}" (${table.columns.map((c) => `"${c.name}"`).join(', ')})`;

/** The store's raw limit on PostgreSQL: one COPY per table, in one transaction. */
export const copyTables = async (
  url: string,
  tables: readonly RawTable[],
): Promise<RawLimitResult> => {
  const texts = tables.map((table) => ({ table, text: toCopyText(table) }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [backend] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    const cpuBefore = backend && readProcessCpuMs(backend.pid);
    const startedAt = performance.now();
    await client.query('BEGIN');
    for (const { table, text } of texts) {
      await pipeline(
        Readable.from([text]),
        client.query(copyFrom(`COPY ${quoted(table)} FROM STDIN`)),
      );
    }
    await client.query('COMMIT');
    const elapsedMs = performance.now() - startedAt;
    const cpuAfter = backend && readProcessCpuMs(backend.pid);
    const databaseCpuMs =
      cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    return { elapsedMs, databaseCpuMs };
  } finally {
    await client.end();
  }
};

/**
 * The raw limit on PGlite, which has no COPY from a client stream: `INSERT … SELECT FROM
 * unnest` of ready rows, 5,000 to a statement and a transaction.
 */
export const insertTablesWithUnnest = async (
  db: Database,
  tables: readonly RawTable[],
): Promise<RawLimitResult> => {
  const startedAt = performance.now();
  for (const table of tables) {
    const casts = table.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const text = `INSERT INTO ${quoted(table)} SELECT * FROM unnest(${casts})`;
    for (let at = 0; at < table.rows.length; at += 5_000) {
      const chunk = table.rows.slice(at, at + 5_000);
      const params = table.columns.map((_, i) => chunk.map((row) => row[i]));
      await db.transaction((tx) => tx.query(text, params));
    }
  }
  return { elapsedMs: performance.now() - startedAt, databaseCpuMs: undefined };
};
