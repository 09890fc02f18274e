import { planReadsAnything, type RollupPlan } from '../../rollups/plan-rollup-ranges.ts';
import {
  type DaysRange,
  isTrailingRange,
  type TotalsPlan,
  type TotalsRange,
  type TrailingRange,
} from '../../rollups/plan-totals.ts';
import { type EndSign, planWindowsEnds } from '../../rollups/plan-windows-ends.ts';
import type { memberDayTotals } from '../../schema/rollups.ts';
import { onlyUsersSql } from './presence-pieces-sql.ts';
import type { SqlParams } from './sql-params.ts';

/** The columns of {@link memberTotalsSql}, each a count over the range. */
export const memberTotalColumns = [
  'snapshots',
  'online',
  'multi',
  'multiKey',
  'messages',
  'typing',
  'reactions',
  'desktopHours',
  'mobileHours',
  'webHours',
  'embeddedHours',
] as const;
export type MemberTotalColumn = (typeof memberTotalColumns)[number];

/** Each column's name in MemberDayTotal (checked against the schema). */
export const memberTotalStored: Record<
  MemberTotalColumn,
  keyof typeof memberDayTotals.$inferSelect
> = {
  snapshots: 'snapshots',
  online: 'nonOfflineSnapshots',
  multi: 'multiClientSnapshots',
  multiKey: 'multiKeySnapshots',
  messages: 'messages',
  typing: 'typing',
  reactions: 'reactions',
  desktopHours: 'desktopHours',
  mobileHours: 'mobileHours',
  webHours: 'webHours',
  embeddedHours: 'embeddedHours',
};

/** A total's column in MemberTrailingTotal for slot 0 (the newer window) or slot 1 ("…Before"). */
export const trailingStored = (column: MemberTotalColumn, slot: 0 | 1): string =>
  `${memberTotalStored[column]}${slot === 1 ? 'Before' : ''}`;

/**
 * The counts of the guild `guildSql`'s members over `range`, one row per member (one window of
 * {@link windowsTotalsSql}): the totals on the end day minus those on the base day (totals
 * are dense from a member's first day, so every member with a base row has an end row, and a
 * member without a base row had nothing before it). Two index range reads joined on the
 * member — cheaper than the caller grouping both days' rows (measured: 40 against 57 ms for a
 * 40,000-member guild). Columns: "userId" and the requested ones (snapshots, online =
 * non-offline snapshots, multi = non-offline with ≥ 2 platforms, "multiKey" = ≥ 2 platforms
 * listed, messages, typing, reactions, and per platform the hours it was seen not offline:
 * "desktopHours"…). `usersSql` restricts the rows to those members.
 */
export const memberTotalsSql = (
  range: TotalsRange,
  params: SqlParams,
  guildSql: string,
  columns: readonly MemberTotalColumn[],
  usersSql?: string,
): string =>
  windowsTotalsSql(
    [{ range, columns: Object.fromEntries(columns.map((c) => [c, c])) }],
    params,
    guildSql,
    usersSql,
  );

/** `''` for pieces added to the totals, `'-'` for pieces subtracted from them. */
export type PieceSign = '' | '-';

/**
 * The branches that read a totals plan's ends: `piecesSql(plan.rest, '')` added and
 * `piecesSql(plan.minus, '-')` subtracted (its counting columns prefixed with the sign), each
 * left out when its plan reads nothing.
 */
export const totalsEndsSql = (
  plan: TotalsPlan,
  piecesSql: (rest: RollupPlan, sign: PieceSign) => string,
): string[] => [
  planReadsAnything(plan.rest) ? piecesSql(plan.rest, '') : '',
  planReadsAnything(plan.minus) ? piecesSql(plan.minus, '-') : '',
];

/** `expression` counted with `sign`: as is, negated, or `0` for a window the piece is not in. */
export const signedSql = (sign: EndSign, expression: string): string =>
  sign === 0 || expression === '0' ? '0' : sign === 1 ? expression : `-${expression}`;

/**
 * The branches that read the ends of several windows' totals plans, each stretch of time read
 * once for every window that adds or subtracts it (see planWindowsEnds): `piecesSql(plan,
 * signs)` gives each window's columns the pieces' counts with that window's sign (use
 * {@link signedSql}).
 */
export const windowsEndsSql = (
  plans: readonly TotalsPlan[],
  piecesSql: (plan: RollupPlan, signs: readonly EndSign[]) => string,
): string[] => planWindowsEnds(plans).map((ends) => piecesSql(ends.plan, ends.signs));

/**
 * Per member, the sums of `columns` over a window read as running totals plus its ends: one row
 * per member, "userId" and each column as int. `totalsSql` is a relation with one row per member
 * (from {@link memberTotalsSql}; `''` when the plan has no totals), `endsSql` branches with any
 * number of rows per member (rollups and raw rows, the subtracted ones negative; `''` for none).
 * The ends are grouped alone and joined to the totals (FULL JOIN: a member may appear in either
 * only), instead of grouping the totals' rows with them: the totals are already one row per
 * member, and grouping them again was a third of the statement (overview on the benchmark
 * dataset, 40,000 members and ~20,000 end rows: 91 → 69 ms).
 */
export const memberSumsSql = (
  totalsSql: string,
  endsSql: readonly string[],
  columns: readonly string[],
): string => {
  const ends = endsSql.filter((branch) => branch.trim() !== '');
  const list = (value: (column: string) => string) =>
    columns.map((c) => `${value(`"${c}"`)} AS "${c}"`).join(', ');
  const grouped =
    ends.length > 0
      ? `SELECT x."userId", ${list((c) => `sum(x.${c})`)}
        FROM (${ends.join('\n        UNION ALL\n        ')}) x
        GROUP BY x."userId"`
      : '';
  if (totalsSql === '' && grouped === '') {
    return `SELECT NULL::text AS "userId", ${list(() => '0')} WHERE false`;
  }
  if (grouped === '')
    return `SELECT t."userId", ${list((c) => `t.${c}::int`)} FROM (${totalsSql}) t`;
  if (totalsSql === '')
    return `SELECT x."userId", ${list((c) => `x.${c}::int`)} FROM (${grouped}) x`;
  return `SELECT COALESCE(t."userId", x."userId") AS "userId",
        ${list((c) => `(COALESCE(t.${c}, 0) + COALESCE(x.${c}, 0))::int`)}
      FROM (${totalsSql}) t
      FULL JOIN (${grouped}) x ON x."userId" = t."userId"`;
};

/** One window of {@link windowsTotalsSql}: its whole days, and each output column's stored count. */
export interface TotalsWindow {
  range: TotalsRange | null;
  /** Output column name → the count it holds for this window. */
  columns: Readonly<Record<string, MemberTotalColumn>>;
}

/**
 * The totals of several windows' whole days at once, one row per member (see
 * {@link memberTotalsSql}): each window's columns, the totals on its end day minus those on
 * its base day (0 for a window without a totals range). Each distinct day is read once —
 * adjacent windows share one (the previous window's end day is the current one's base day) —
 * and joined to the latest end day's rows, a superset: totals are dense from a member's first
 * day, and a member without a row on a day had nothing up to it. `''` when no window has a
 * totals range. `usersSql` restricts the rows to those members.
 */
export const windowsTotalsSql = (
  windows: readonly TotalsWindow[],
  params: SqlParams,
  guildSql: string,
  usersSql?: string,
): string => {
  const present = windows.flatMap((w) => (w.range ? [w.range] : []));
  if (present.length === 0) return '';
  const trailing = present.filter(isTrailingRange);
  if (trailing.length > 0) return trailingTotalsSql(windows, trailing, params, guildSql, usersSql);
  const days = present as DaysRange[];
  const anchorMs = Math.max(...days.map((r) => r.endDay.getTime()));
  const aliases = new Map<number, string>([[anchorMs, 'a']]);
  for (const r of days) {
    for (const day of [r.baseDay, r.endDay]) {
      if (!aliases.has(day.getTime())) aliases.set(day.getTime(), `d${aliases.size}`);
    }
  }
  const at = (day: Date, column: MemberTotalColumn) => {
    const alias = aliases.get(day.getTime());
    const stored = `${alias}."${memberTotalStored[column]}"`;
    return alias === 'a' ? stored : `COALESCE(${stored}, 0)`;
  };
  const values = windows.flatMap(({ range, columns }) =>
    Object.entries(columns).map(
      ([name, c]) =>
        `${range && !isTrailingRange(range) ? `${at(range.endDay, c)} - ${at(range.baseDay, c)}` : '0'} AS "${name}"`,
    ),
  );
  const joins = [...aliases]
    .filter(([, alias]) => alias !== 'a')
    .map(
      ([ms, alias]) => `LEFT JOIN "MemberDayTotal" ${alias} ON ${alias}."guildId" = a."guildId"
        AND ${alias}.day = ${params.add(new Date(ms))} AND ${alias}."userId" = a."userId"`,
    );
  return `SELECT a."userId", ${values.join(', ')}
      FROM "MemberDayTotal" a
      ${joins.join('\n      ')}
      WHERE a."guildId" = ${guildSql} AND a.day = ${params.add(new Date(anchorMs))}
        ${onlyUsersSql('a."userId"', usersSql)}`;
};

/**
 * {@link windowsTotalsSql} when the windows are slots of MemberTrailingTotal (all of one
 * anchor: getTotalsPlans plans every window of a call the same way): the guild's one row per
 * member at that anchor, each window's columns from its slot's.
 */
const trailingTotalsSql = (
  windows: readonly TotalsWindow[],
  trailing: readonly TrailingRange[],
  params: SqlParams,
  guildSql: string,
  usersSql: string | undefined,
): string => {
  const anchorMs = trailing[0]?.anchor.getTime();
  if (
    anchorMs === undefined ||
    trailing.length !== windows.filter((w) => w.range).length ||
    trailing.some((r) => r.anchor.getTime() !== anchorMs)
  ) {
    throw new Error('Windows read from MemberTrailingTotal must all be of one anchor.');
  }
  const values = windows.flatMap(({ range, columns }) =>
    Object.entries(columns).map(([name, c]) => {
      if (!range || !isTrailingRange(range)) return `0 AS "${name}"`;
      return `t."${trailingStored(c, range.slot)}" AS "${name}"`;
    }),
  );
  return `SELECT t."userId", ${values.join(', ')}
      FROM "MemberTrailingTotal" t
      WHERE t."guildId" = ${guildSql} AND t.anchor = ${params.add(new Date(anchorMs))}
        ${onlyUsersSql('t."userId"', usersSql)}`;
};
