import type { TotalsRange } from '../../rollups/plan-totals.ts';
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
] as const;
export type MemberTotalColumn = (typeof memberTotalColumns)[number];

const stored: Record<MemberTotalColumn, string> = {
  snapshots: 'snapshots',
  online: 'nonOfflineSnapshots',
  multi: 'multiClientSnapshots',
  multiKey: 'multiKeySnapshots',
  messages: 'messages',
  typing: 'typing',
  reactions: 'reactions',
};

/**
 * The counts of the guild `guildSql`'s members over `range`, as rows to be summed per member:
 * each member's totals on the end day, and the negated totals of the base day (totals are
 * dense from a member's first day, so a member without a base row had nothing before it).
 * Two index range reads and no join: the caller's GROUP BY "userId" does the subtraction.
 * Columns: "userId" and the requested ones (snapshots, online = non-offline snapshots, multi
 * = non-offline with ≥ 2 platforms, "multiKey" = ≥ 2 platforms listed, messages, typing,
 * reactions).
 */
export const memberTotalsSql = (
  range: TotalsRange,
  params: SqlParams,
  guildSql: string,
  columns: readonly MemberTotalColumn[],
): string => {
  const end = params.add(range.endDay);
  const base = params.add(range.baseDay);
  const values = columns.map(
    (c) => `CASE WHEN t.day = ${end} THEN t."${stored[c]}" ELSE -t."${stored[c]}" END AS "${c}"`,
  );
  return `SELECT t."userId", ${values.join(', ')}
      FROM "MemberDayTotal" t
      WHERE t."guildId" = ${guildSql} AND t.day IN (${end}, ${base})`;
};

/** `branches` joined by UNION ALL, empty ones left out; a relation with no rows if none. */
export const unionAllSql = (branches: readonly string[], emptyRow: string): string => {
  const present = branches.filter((b) => b.trim() !== '');
  return present.length > 0
    ? present.join('\n      UNION ALL\n      ')
    : `SELECT ${emptyRow} WHERE false`;
};
