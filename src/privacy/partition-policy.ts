import { type GuildRetention, type RetentionKind, retentionDefaults } from './retention-policy.ts';

/**
 * The event tables partitioned by week on "timestamp" (migration 0004_partition_events), and
 * the kind whose window expires them. Weeks start Monday 00:00 UTC.
 */
export const partitionedTables: readonly { table: string; kind: RetentionKind }[] = [
  { table: 'Presence', kind: 'presence' },
  { table: 'Message', kind: 'messages' },
  { table: 'TypingEvent', kind: 'typing' },
];

/** Weeks after the current one that always have a partition ready. */
export const PARTITION_WEEKS_AHEAD = 4;

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** An existing partition of a partitioned table, by name. */
export interface ExistingPartition {
  table: string;
  name: string;
}

/** A partition to create (rows of its week waiting in DEFAULT move in) or to drop whole. */
export type PartitionChange =
  | { type: 'create'; table: string; name: string; from: Date; to: Date }
  | { type: 'drop'; table: string; name: string; to: Date };

/** Monday 00:00 UTC of the week `date` falls in. */
export const toWeekStart = (date: Date): Date => {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS);
};

/** `Presence_p20261123`: the table and the Monday its week starts on. */
export const toPartitionName = (table: string, weekStart: Date): string =>
  `${table}_p${weekStart.toISOString().slice(0, 10).replaceAll('-', '')}`;

/** The week a partition named by {@link toPartitionName} starts on; undefined for others. */
export const parsePartitionWeek = (table: string, name: string): Date | undefined => {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(name.slice(`${table}_p`.length));
  if (!name.startsWith(`${table}_p`) || !match) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
};

/** The longest window any guild keeps `kind`: the default or a longer override. */
const longestDays = (kind: RetentionKind, overrides: readonly GuildRetention[]): number =>
  Math.max(retentionDefaults[kind].days, ...overrides.map((guild) => guild.days[kind] ?? 0));

/**
 * What partition maintenance does at `now`: create this week's and the next
 * {@link PARTITION_WEEKS_AHEAD} weeks' partitions that are missing, and drop every weekly
 * partition whose end is at or before the start of the longest window of its kind (so its rows
 * have expired for every guild). The DEFAULT partition is never dropped; batched deletes trim it
 * and whatever shorter windows leave in the weeks kept.
 */
export const decidePartitionChanges = (
  now: Date,
  existing: readonly ExistingPartition[],
  overrides: readonly GuildRetention[],
): PartitionChange[] => {
  const changes: PartitionChange[] = [];
  const thisWeek = toWeekStart(now).getTime();
  for (const { table, kind } of partitionedTables) {
    const names = new Set(existing.filter((p) => p.table === table).map((p) => p.name));
    const keepFrom = now.getTime() - longestDays(kind, overrides) * DAY_MS;
    for (const name of [...names].sort()) {
      const week = parsePartitionWeek(table, name);
      if (week && week.getTime() + WEEK_MS <= keepFrom) {
        changes.push({ type: 'drop', table, name, to: new Date(week.getTime() + WEEK_MS) });
      }
    }
    for (let i = 0; i <= PARTITION_WEEKS_AHEAD; i += 1) {
      const from = new Date(thisWeek + i * WEEK_MS);
      const name = toPartitionName(table, from);
      if (names.has(name)) continue;
      changes.push({ type: 'create', table, name, from, to: new Date(from.getTime() + WEEK_MS) });
    }
  }
  return changes;
};
