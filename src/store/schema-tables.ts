import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.ts';

/** Every table of the schema, read from the schema itself so that none can be forgotten. */
export const listTables = (): PgTable[] =>
  Object.values(schema as Record<string, unknown>).filter((value): value is PgTable =>
    is(value, PgTable),
  );

/** The SQL names of every table of the schema. */
export const listTableNames = (): string[] => listTables().map((table) => getTableName(table));
