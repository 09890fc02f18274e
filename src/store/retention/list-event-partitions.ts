import type { ExistingPartition } from '../../privacy/partition-policy.ts';
import type { Queryable } from '../database.ts';

/** The partitions (weekly and DEFAULT) of the given partitioned tables, from pg_inherits. */
export const listEventPartitions = (
  db: Queryable,
  tables: readonly string[],
): Promise<ExistingPartition[]> =>
  db.query<ExistingPartition>(
    `SELECT parent.relname AS "table", child.relname AS name
     FROM pg_inherits i
     JOIN pg_class parent ON parent.oid = i.inhparent
     JOIN pg_class child ON child.oid = i.inhrelid
     JOIN pg_namespace n ON n.oid = parent.relnamespace
     WHERE n.nspname = current_schema() AND parent.relname = ANY($1::text[])
     ORDER BY 1, 2`,
    [tables],
  );
