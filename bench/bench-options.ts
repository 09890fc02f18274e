import { parseArgs } from 'node:util';

/** What one benchmark run does. */
export interface BenchOptions {
  /** PostgreSQL server for a throw-away database; undefined: embedded PGlite. */
  databaseUrl: string | undefined;
  /** Dispatches pushed at full speed. */
  events: number;
  /** Members of the guild (all listed in its GUILD_CREATE). */
  members: number;
  /** Dispatches the per-event baseline writes (its rate is extrapolated). */
  baselineEvents: number;
}

const usage = 'usage: npm run bench:ingest -- [--events N] [--members N] [--baseline-events N]';

const toCount = (value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const count = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(count) || count <= 0) throw new RangeError(`${value}: ${usage}`);
  return count;
};

/** Reads the command line and `DATABASE_URL`; defaults are smaller on PGlite, which is slower. */
export const parseBenchOptions = (
  argv: readonly string[],
  env: Record<string, string | undefined>,
): BenchOptions => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: 'string' },
      members: { type: 'string' },
      'baseline-events': { type: 'string' },
    },
  });
  const databaseUrl = env.DATABASE_URL || undefined;
  const onPostgres = databaseUrl !== undefined;
  return {
    databaseUrl,
    events: toCount(values.events, onPostgres ? 200_000 : 20_000),
    members: toCount(values.members, 100_000),
    baselineEvents: toCount(values['baseline-events'], onPostgres ? 5_000 : 2_000),
  };
};
