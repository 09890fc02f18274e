import { getTableName } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Queryable } from '../database.ts';
import { listTables } from '../schema-tables.ts';
import { listMemberIds } from './member-ids.ts';
import { groupByTable, memberMatchSql, toMemberMatchParams } from './member-match-sql.ts';
import { listUserColumns } from './user-columns.ts';

/** Columns never exported: token and key hashes, secrets. */
export const SECRET_COLUMN = /^(token|key)$|secret|hash|password/i;

const PAGE_ROWS = 1_000;

/** Columns of an audit row that describe whoever acted: not the member's when someone else did. */
const ACTOR_COLUMNS = ['userId', 'ipAddress', 'userAgent'] as const;
const AUDIT_TABLES = new Set(['AuditLog', 'AuditLogArchive']);

/**
 * An audit row as the member may see it: an action taken about them by someone else (an admin
 * changing their role, say) keeps what was done, but not the actor's id, address or browser.
 */
const toExportedRow = (
  table: string,
  row: Record<string, unknown>,
  ids: readonly string[],
): Record<string, unknown> => {
  if (!AUDIT_TABLES.has(table) || ids.includes(String(row.userId))) return row;
  const redacted = { ...row };
  for (const column of ACTOR_COLUMNS) if (column in redacted) redacted[column] = null;
  return redacted;
};

/** The columns to export of each table, and the primary key to page it by. */
const toExportShape = (tableName: string) => {
  const table = listTables().find((candidate) => getTableName(candidate) === tableName);
  if (!table) throw new Error(`unknown table ${tableName}`);
  const config = getTableConfig(table);
  const columns = config.columns.map((c) => c.name).filter((name) => !SECRET_COLUMN.test(name));
  const key =
    config.primaryKeys[0]?.columns.map((c) => c.name) ??
    config.columns.filter((c) => c.primary).map((c) => c.name);
  return { columns, key: key.length > 0 ? key : columns };
};

/**
 * Everything held about `discordId`, as the chunks of one JSON document
 * `{ "discordId", "generatedAt", "tables": { "<Table>": [rows…] } }`, read a page at a time so
 * a large export never sits in memory. Secret columns are left out ({@link SECRET_COLUMN}).
 */
export async function* exportMember(
  db: Queryable,
  discordId: string,
  now: Date,
): AsyncGenerator<string> {
  const ids = await listMemberIds(db, discordId);
  const byTable = groupByTable(listUserColumns());
  yield `{"discordId":${JSON.stringify(discordId)},"generatedAt":"${now.toISOString()}","tables":{`;
  let firstTable = true;
  for (const [table, userColumns] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    const shape = toExportShape(table);
    const select = shape.columns.map((name) => `"${name}"`).join(', ');
    const order = shape.key.map((name) => `"${name}"`).join(', ');
    yield `${firstTable ? '' : ','}${JSON.stringify(table)}:[`;
    firstTable = false;
    let first = true;
    for (let offset = 0; ; offset += PAGE_ROWS) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT ${select} FROM "${table}" WHERE ${userColumns.map(memberMatchSql).join(' OR ')}
         ORDER BY ${order} LIMIT ${PAGE_ROWS} OFFSET ${offset}`,
        toMemberMatchParams(userColumns, ids),
      );
      if (rows.length > 0) {
        const exported = rows.map((row) => JSON.stringify(toExportedRow(table, row, ids)));
        yield `${first ? '' : ','}${exported.join(',')}`;
        first = false;
      }
      if (rows.length < PAGE_ROWS) break;
    }
    yield ']';
  }
  yield '}}';
}
