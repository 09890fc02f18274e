import type { Queryable } from '../database.ts';

/** One parameterized statement. */
export type Statement = readonly [text: string, params: readonly unknown[]];

/** A {@link Queryable} that runs statements one after another, in the order they were issued. */
export interface OrderedQueryable extends Queryable {
  readonly ordered: true;
}

/**
 * A view of `tx` on which callers need not wait for one statement before issuing the next:
 * each is sent as soon as the one before it has finished (at once when none is running), so
 * the database goes straight from one statement to the next while the following parameters
 * are still being built, instead of idling through a round trip and our JavaScript. After a
 * failure, the statements waiting behind it are not sent; they reject with the same error.
 */
export const toOrderedQueryable = (tx: Queryable): OrderedQueryable => {
  let last: Promise<unknown> | undefined;
  return {
    ordered: true,
    query: <Row extends object>(text: string, params?: readonly unknown[]) => {
      const send = () => tx.query<Row>(text, params);
      const result = last === undefined ? send() : last.then(send);
      last = result;
      const settle = () => {
        if (last === result) last = undefined;
      };
      result.then(settle, settle);
      return result;
    },
  };
};

/** Issues every statement at once; resolves with each statement's rows, in order. */
export const queryInOrder = <Row extends object = Record<string, unknown>>(
  tx: OrderedQueryable,
  statements: readonly Statement[],
): Promise<Row[][]> => Promise.all(statements.map(([text, params]) => tx.query<Row>(text, params)));

const NESTED_LOOPS_ONLY = `SELECT set_config('enable_hashjoin', 'off', true),
  set_config('enable_mergejoin', 'off', true)`;

const RESTORE_JOINS = `SELECT set_config(name, reset_val, true) FROM pg_settings
  WHERE name IN ('enable_hashjoin', 'enable_mergejoin')`;

/** Below this many rows the planner already looks the keys up through their indexes. */
const PLANNER_LOOKS_UP_BELOW_ROWS = 1_000;

/**
 * One statement of `rows` rows with nested-loop joins only, for batch statements whose every
 * join has an index on the side looked up: a batch is a few thousand keys, the tables may hold
 * millions of rows, and the planner (costing reads of cached pages as random I/O, with
 * statistics that lag behind a fresh GUILD_CREATE) would often hash a whole table instead,
 * tens of milliseconds per batch. A nested loop without such an index is quadratic: never use
 * this there (look rows of the statement's own CTEs up with `IN`, which hashes them). The
 * statements that switch the join methods around it return rows of their own.
 */
export const withIndexLookups = (statement: Statement, rows: number): Statement[] =>
  rows < PLANNER_LOOKS_UP_BELOW_ROWS
    ? [statement]
    : [[NESTED_LOOPS_ONLY, []], statement, [RESTORE_JOINS, []]];
