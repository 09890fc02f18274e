/** One buffered dispatch: its sequence number, event name and the exact frame that was sent. */
export interface ReplayEntry {
  seq: number;
  event: string;
  frame: string;
}

/** A bounded, ordered buffer of a session's dispatches, replayed on RESUME. */
export interface ReplayBuffer {
  push(entry: ReplayEntry): void;
  /** Entries after `seq`, or undefined when some of them were already evicted. */
  listAfter(seq: number): ReplayEntry[] | undefined;
  readonly size: number;
}

/** A ring buffer holding the last `capacity` dispatches of a session. */
export const createReplayBuffer = (capacity: number): ReplayBuffer => {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`The replay buffer needs a positive capacity (${capacity}).`);
  }
  const ring: (ReplayEntry | undefined)[] = new Array(capacity);
  let start = 0;
  let size = 0;
  let evictedSeq = 0;
  return {
    push(entry) {
      if (size === capacity) {
        evictedSeq = ring[start]?.seq ?? evictedSeq;
        ring[start] = entry;
        start = (start + 1) % capacity;
        return;
      }
      ring[(start + size) % capacity] = entry;
      size += 1;
    },
    listAfter(seq) {
      if (seq < evictedSeq) return undefined;
      const entries: ReplayEntry[] = [];
      for (let offset = 0; offset < size; offset += 1) {
        const entry = ring[(start + offset) % capacity];
        if (entry && entry.seq > seq) entries.push(entry);
      }
      return entries;
    },
    get size() {
      return size;
    },
  };
};
