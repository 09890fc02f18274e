import { readFileSync } from 'node:fs';
import type { Database } from '../src/store/database.ts';

/** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms. */
const MS_PER_TICK = 10;

/** CPU time (user + system) a process has used, in ms; undefined where /proc cannot say. */
export const readProcessCpuMs = (pid: number): number | undefined => {
  try {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * MS_PER_TICK : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The CPU time of the PostgreSQL backends serving `db`, by pid: readable only when the server
 * runs on this machine (as in the benchmark), empty otherwise and on PGlite.
 */
export const readDatabaseCpuMs = async (db: Database): Promise<Map<number, number>> => {
  if (db.kind !== 'postgres') return new Map();
  const backends = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  const cpu = new Map<number, number>();
  for (const { pid } of backends) {
    const ms = readProcessCpuMs(pid);
    if (ms !== undefined) cpu.set(pid, ms);
  }
  return cpu;
};

/** What the backends used between two readings (a backend new since `before` counts in full). */
export const toDatabaseCpuMs = (
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): number | undefined => {
  if (after.size === 0) return undefined;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
};
