import type { PresenceRow } from '../../ingest/ingest-rows.ts';
import { memberKey } from './last-by-key.ts';
import { toPresenceKey } from './presence-key.ts';

/** What to do with one snapshot of a batch; the store decides the rest against stored keys. */
export interface PresenceWrite {
  row: PresenceRow;
  key: string;
  /** The member's first snapshot of the batch: stored only if it differs from the stored one. */
  first: boolean;
  /** Differs from the member's previous snapshot in the batch (always true for the first). */
  keep: boolean;
  /** The member's last snapshot of the batch: their current presence. */
  last: boolean;
}

/**
 * Marks each snapshot, in order: identical consecutive snapshots of one member in one guild
 * are dropped here (the first of each member is left to compare with the stored one), and
 * each member's last one is the current presence. Snapshots that are neither kept nor last
 * are left out.
 */
export const toPresenceWrites = (rows: readonly PresenceRow[]): PresenceWrite[] => {
  const lastKey = new Map<string, string>();
  const lastIndex = new Map<string, number>();
  const writes = rows.map((row, index): PresenceWrite => {
    const member = memberKey(row);
    const key = toPresenceKey(row);
    const previous = lastKey.get(member);
    lastKey.set(member, key);
    lastIndex.set(member, index);
    return { row, key, first: previous === undefined, keep: previous !== key, last: false };
  });
  for (const index of lastIndex.values()) {
    const write = writes[index];
    if (write) write.last = true;
  }
  return writes.filter((write) => write.keep || write.last);
};
