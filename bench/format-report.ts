import type { EndToEndResult, Latency } from './run-end-to-end.ts';
import type { ShippedBotResult } from './run-shipped-bot.ts';

/** Every figure of one run. */
export interface BenchReport {
  database: string;
  cpus: number;
  members: number;
  events: number;
  rows: number;
  presenceShare: number;
  shipped: ShippedBotResult;
  endToEnd: EndToEndResult;
  baseline: { events: number; eventsPerSecond: number };
  raw: {
    method: 'COPY' | 'unnest';
    eventsPerSecond: number;
    databaseCpuPerEvent: number | undefined;
  };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number | undefined) =>
  bytes === undefined ? 'n/a' : `${int(bytes / 1_048_576)} MB`;
const ms = (value: number) =>
  value >= 1_000 ? `${(value / 1_000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
const both = (l: Latency) => [ms(l.p50), ms(l.p99)];
const check = (ok: boolean) => (ok ? 'met' : 'NOT MET');
const micros = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${value.toFixed(1)} µs`;

/** The results as a Markdown table, the ratios, and the targets met or not. */
export const formatReport = (r: BenchReport): string => {
  const { saturated, paced } = r.endToEnd;
  const { shipped } = r;
  const rawName = r.raw.method === 'COPY' ? 'COPY' : 'INSERT … unnest (PGlite has no COPY)';
  const vsBaseline = saturated.eventsPerSecond / r.baseline.eventsPerSecond;
  const vsRaw = saturated.eventsPerSecond / r.raw.eventsPerSecond;
  const rows: string[][] = [
    [
      'What (the bot in the benchmark process)',
      'Events/s',
      'p50 send→commit',
      'p99 send→commit',
      'p99 receive→commit',
    ],
    ['---', '---:', '---:', '---:', '---:'],
    [
      `End-to-end, as fast as the bot takes them (${int(r.events)} dispatches)`,
      int(saturated.eventsPerSecond),
      ...both(saturated.sendToCommit),
      ms(saturated.receiveToCommit.p99),
    ],
    [
      `End-to-end, paced at ${int(paced.targetEventsPerSecond)}/s (${int(paced.events)} dispatches)`,
      int(paced.eventsPerSecond),
      ...both(paced.sendToCommit),
      ms(paced.receiveToCommit.p99),
    ],
    [
      `Baseline: one awaited statement per row (first ${int(r.baseline.events)} dispatches)`,
      int(r.baseline.eventsPerSecond),
      '',
      '',
      '',
    ],
    [`Raw limit: ${rawName} of the same rows, no bot`, int(r.raw.eventsPerSecond), '', '', ''],
    [
      `GUILD_CREATE with ${int(r.members)} members, then the member chunks the bot asks for, to committed`,
      ms(r.endToEnd.guildCreateMs),
      '',
      '',
      '',
    ],
  ];
  const shippedRows: string[][] = [
    ['What (the process `npm start` runs)', 'Time or events/s', 'CPU per dispatch', 'Peak RSS'],
    ['---', '---:', '---:', '---:'],
    [
      `GUILD_CREATE with ${int(r.members)} members, then the member chunks, to committed`,
      ms(shipped.guildCreateMs),
      '',
      mb(shipped.guildCreatePeakRssBytes),
    ],
    [
      `${int(shipped.events)} dispatches as fast as it takes them`,
      int(shipped.eventsPerSecond),
      micros(shipped.cpuPerEvent),
      mb(shipped.streamPeakRssBytes),
    ],
  ];
  const guildCreatePeak = shipped.guildCreatePeakRssBytes;
  const onPostgres = r.raw.method === 'COPY';
  return [
    `Ingest benchmark on ${r.database}, ${r.cpus} CPUs`,
    `Stream: ${int(r.events)} dispatches (${(r.presenceShare * 100).toFixed(1)}% PRESENCE_UPDATE, ${int(r.rows)} rows) into a guild of ${int(r.members)} members`,
    '',
    `The product's process, started as \`npm start\` starts it (\`${shipped.command}\`), RSS once it serves ${mb(shipped.startRssBytes)}:`,
    '',
    ...shippedRows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    '',
    `End-to-end vs baseline: ${vsBaseline.toFixed(1)}×` +
      (onPostgres ? ` (target ≥ 20×: ${check(vsBaseline >= 20)})` : ''),
    `End-to-end vs raw limit: ${(vsRaw * 100).toFixed(0)}%` +
      (onPostgres ? ` (target ≥ 70%: ${check(vsRaw >= 0.7)})` : ''),
    `Batches, as fast as the bot takes them: ${int(saturated.batches)} (${int(saturated.events / saturated.batches)} dispatches each on average)`,
    `CPU per dispatch, as fast as the bot takes them: bot process ${micros(saturated.cpuPerEvent.bot)}, ` +
      `simulator ${micros(saturated.cpuPerEvent.simulator)}, PostgreSQL ${micros(saturated.cpuPerEvent.database)}` +
      (onPostgres
        ? `; PostgreSQL for the raw COPY ${micros(r.raw.databaseCpuPerEvent)}`
        : ' (PGlite runs inside the bot process)'),
    onPostgres
      ? `End-to-end ≥ 50,000 events/s: ${check(saturated.eventsPerSecond >= 50_000)}`
      : 'Throughput targets apply to PostgreSQL; PGlite is shown for comparison.',
    onPostgres
      ? `Peak RSS < 200 MB with the GUILD_CREATE: ${guildCreatePeak === undefined ? 'not measured (no /proc)' : check(guildCreatePeak < 200 * 1_048_576)}`
      : 'The memory target applies to PostgreSQL (PGlite holds the data in the process).',
  ].join('\n');
};
