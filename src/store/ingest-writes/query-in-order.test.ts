import { describe, expect, it } from 'vitest';
import type { Queryable } from '../database.ts';
import { queryInOrder, toOrderedQueryable } from './query-in-order.ts';

/** A connection that takes a while per statement and notices overlapping ones. */
const createSlowConnection = (failOn?: string) => {
  const started: string[] = [];
  let running = 0;
  let overlapped = false;
  const tx: Queryable = {
    query: async <Row extends object>(text: string) => {
      started.push(text);
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
      if (text === failOn) throw Object.assign(new Error(`${text} failed`), { code: '23505' });
      return [{ text }] as unknown as Row[];
    },
  };
  return { tx, started, overlapped: () => overlapped };
};

describe('toOrderedQueryable', () => {
  it('runs statements issued at once one after another, in order', async () => {
    const connection = createSlowConnection();
    const tx = toOrderedQueryable(connection.tx);
    const results = await queryInOrder(tx, [
      ['a', []],
      ['b', []],
    ]);
    const c = await tx.query('c');
    expect(connection.started).toEqual(['a', 'b', 'c']);
    expect(connection.overlapped()).toBe(false);
    expect([...results, c]).toEqual([[{ text: 'a' }], [{ text: 'b' }], [{ text: 'c' }]]);
  });

  it('sends the first statement at once', () => {
    const connection = createSlowConnection();
    void toOrderedQueryable(connection.tx).query('a');
    expect(connection.started).toEqual(['a']);
  });

  it('does not send what waits behind a failure, and rejects it with the same error', async () => {
    const connection = createSlowConnection('b');
    const tx = toOrderedQueryable(connection.tx);
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((text) => tx.query(text)));
    expect(connection.started).toEqual(['a', 'b']);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
    ]);
    const [, second, third] = outcomes;
    expect(second?.status === 'rejected' && second.reason).toBe(
      third?.status === 'rejected' && third.reason,
    );
  });
});
