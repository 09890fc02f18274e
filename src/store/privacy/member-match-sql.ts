import { toMentionPatterns } from './member-ids.ts';
import { asText, type UserColumn } from './user-columns.ts';

/**
 * A condition true when the row holds the member in `column`: `$1` is their ids (text[]),
 * `$2` the same ids as `%id%` patterns for free-form audit fields.
 */
export const memberMatchSql = (column: UserColumn): string =>
  column.role === 'mention'
    ? `${asText(column)} LIKE ANY($2::text[])`
    : `${asText(column)} = ANY($1::text[])`;

/** The columns of one table, grouped: table name → its user columns. */
export const groupByTable = (columns: readonly UserColumn[]): Map<string, UserColumn[]> => {
  const byTable = new Map<string, UserColumn[]>();
  for (const column of columns) {
    byTable.set(column.table, [...(byTable.get(column.table) ?? []), column]);
  }
  return byTable;
};

/** The parameters {@link memberMatchSql} needs for these columns: ids, and patterns if used. */
export const toMemberMatchParams = (columns: readonly UserColumn[], ids: string[]): unknown[] =>
  columns.some((column) => column.role === 'mention') ? [ids, toMentionPatterns(ids)] : [ids];
