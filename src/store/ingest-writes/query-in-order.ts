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
