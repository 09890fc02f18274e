import type { AnalyticsQuery } from '../../../analytics/analytics-query.ts';
import { type RetentionKind, retentionDefaults } from '../../../privacy/retention-policy.ts';
import type { Queryable } from '../../database.ts';
import type { RollupPlan, TimeRange } from '../../rollups/plan-rollup-ranges.ts';

/*
 * Analytics scored ahead by the rollup job (MemberSuspicionBase, MemberShiftBase): each run
 * stores, per member, what a 7-day window ending at the run's settled instant (`endsAt`) and
 * the 7 days before it give; a request for a window ending shortly after reads the raw rows
 * between the two instead of both windows whole.
 */

/** The window a base scores: the 7 days before its `endsAt`, as the default one. */
export const BASE_WINDOW_MS = 7 * 86_400_000;

/**
 * How long after a base's end a request may still read it: the rollup job writes one every
 * run (5 minutes by default), so this only matters when the job stopped; later requests
 * compute every member.
 */
export const BASE_MAX_LAG_MS = 3_600_000;

/** The 7-day window ending at `endsAt`, as an analytics query of `guildId`: a base's. */
export const baseWindowQuery = (guildId: string, endsAt: Date): AnalyticsQuery => ({
  guildId,
  window: { from: new Date(endsAt.getTime() - BASE_WINDOW_MS), to: endsAt },
  limit: 1,
  timeZone: 'UTC',
  now: endsAt,
});

/**
 * What lies between a base ending at `endsAt` (its window [endsAt − 7 d, endsAt), the one
 * before it [endsAt − 14 d, endsAt − 7 d)) and a request's 7-day window [from, to) with
 * to ≥ endsAt: `added` [endsAt, to) joins the window; `moved` [endsAt − 7 d, from) leaves it for
 * the previous window; `dropped` [endsAt − 14 d, from − 7 d) leaves the previous window. Each is
 * as long as the time since the base was written, empty when the window ends at `endsAt`.
 */
export const baseDeltaRanges = (
  endsAt: Date,
  window: TimeRange,
): { added: TimeRange; moved: TimeRange; dropped: TimeRange } => {
  const range = (from: number, to: number): TimeRange => ({
    from: new Date(from),
    to: new Date(Math.max(from, to)),
  });
  const end = endsAt.getTime();
  return {
    added: range(end, window.to.getTime()),
    moved: range(end - BASE_WINDOW_MS, window.from.getTime()),
    dropped: range(end - 2 * BASE_WINDOW_MS, window.from.getTime() - BASE_WINDOW_MS),
  };
};

/**
 * The shortest retention, in days, of each kind of event a base is computed from for the base
 * to be read. A base counts whole hours from rollups and totals, and a request the raw rows at
 * the windows' ends; the two agree while those raw rows are kept, so for the 14 days the two
 * windows span and the hour a base may lag. A guild keeping a kind for less (ActivityRollup
 * follows messages, so typing rows may go before their rollups do, or after) is computed
 * afresh.
 */
export const BASE_MIN_RETENTION_DAYS = 15;

/** A plan reading the raw rows of `ranges` (the empty ones left out) and no rollups. */
export const rawPlan = (...ranges: TimeRange[]): RollupPlan => ({
  raw: ranges.filter((r) => r.from.getTime() < r.to.getTime()),
  rolled: [],
});

/**
 * The end of the newest base in `table` whose rows carry `key` in `keyColumn` (the digest of
 * what they were scored with) and that can stand for `query`'s window, or null: the window
 * must be 7 days long and end at most BASE_MAX_LAG_MS after the base, and the guild must keep
 * each of `kinds` (the events the base counts) for BASE_MIN_RETENTION_DAYS at least.
 */
export const newestBaseEnd = async (
  db: Queryable,
  table: 'MemberSuspicionBase' | 'MemberShiftBase',
  keyColumn: 'scoring' | 'rules',
  query: AnalyticsQuery,
  key: string,
  kinds: readonly RetentionKind[],
): Promise<Date | null> => {
  const { from, to } = query.window;
  if (to.getTime() - from.getTime() !== BASE_WINDOW_MS) return null;
  if (kinds.some((kind) => retentionDefaults[kind].days < BASE_MIN_RETENTION_DAYS)) return null;
  const overrides = kinds.map((kind) => `s."${retentionDefaults[kind].settingsColumn}"`);
  const [row] = await db.query<{ endsAt: Date | null }>(
    `SELECT max("endsAt") AS "endsAt" FROM "${table}"
     WHERE "guildId" = $1 AND "endsAt" <= $2 AND "${keyColumn}" = $3
       AND NOT EXISTS (SELECT 1 FROM "GuildSettings" s
         WHERE s."guildId" = $1 AND LEAST(${overrides.join(', ')}) < $4)`,
    [query.guildId, to, key, BASE_MIN_RETENTION_DAYS],
  );
  const endsAt = row?.endsAt ? new Date(row.endsAt) : null;
  return endsAt && to.getTime() - endsAt.getTime() <= BASE_MAX_LAG_MS ? endsAt : null;
};
