import { describe, expect, it } from 'vitest';
import { createReplayBuffer } from './replay-buffer.ts';

const entry = (seq: number) => ({ seq, event: 'E', frame: `frame ${seq}` });

describe('createReplayBuffer', () => {
  it('lists what came after a sequence number, in order', () => {
    const buffer = createReplayBuffer(10);
    for (const seq of [2, 3, 5, 6]) buffer.push(entry(seq));
    expect(buffer.listAfter(3)?.map((e) => e.seq)).toEqual([5, 6]);
    expect(buffer.listAfter(0)?.map((e) => e.seq)).toEqual([2, 3, 5, 6]);
    expect(buffer.listAfter(6)).toEqual([]);
  });

  it('keeps only the last `capacity` entries and refuses to replay across the gap', () => {
    const buffer = createReplayBuffer(3);
    for (let seq = 1; seq <= 5; seq += 1) buffer.push(entry(seq));
    expect(buffer.size).toBe(3);
    expect(buffer.listAfter(2)?.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(buffer.listAfter(1)).toBeUndefined();
  });

  it('rejects a capacity below one', () => {
    expect(() => createReplayBuffer(0)).toThrow(RangeError);
  });
});
