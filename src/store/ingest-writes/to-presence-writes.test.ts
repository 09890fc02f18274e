import { describe, expect, it } from 'vitest';
import type { PresenceRow } from '../../ingest/ingest-rows.ts';
import { toPresenceWrites } from './to-presence-writes.ts';

const G = '900000000000000001';
const H = '900000000000000002';
const ALICE = '100000000000000001';
const BOB = '100000000000000002';

const presence = (
  userDiscordId: string,
  status: PresenceRow['status'],
  second: number,
  guildId = G,
): PresenceRow => ({
  guildId,
  userDiscordId,
  status,
  clientStatus: status === 'offline' ? {} : { desktop: status },
  activities: [],
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, second)),
});

const flags = (rows: PresenceRow[]) =>
  toPresenceWrites(rows).map(({ row, first, keep, last }) => ({
    at: row.timestamp.getUTCSeconds(),
    first,
    keep,
    last,
  }));

describe('toPresenceWrites', () => {
  it('marks a lone snapshot first, kept and last', () => {
    expect(flags([presence(ALICE, 'online', 1)])).toEqual([
      { at: 1, first: true, keep: true, last: true },
    ]);
  });

  it('drops a repeat in the batch but keeps the member’s last snapshot for the current presence', () => {
    const rows = [
      presence(ALICE, 'online', 1),
      presence(ALICE, 'idle', 2),
      presence(ALICE, 'idle', 3),
    ];
    expect(flags(rows)).toEqual([
      { at: 1, first: true, keep: true, last: false },
      { at: 2, first: false, keep: true, last: false },
      { at: 3, first: false, keep: false, last: true },
    ]);
  });

  it('leaves out repeats that are not the last', () => {
    const rows = [
      presence(ALICE, 'online', 1),
      presence(ALICE, 'online', 2),
      presence(ALICE, 'idle', 3),
    ];
    expect(flags(rows).map((write) => write.at)).toEqual([1, 3]);
  });

  it('follows each member in each guild on their own', () => {
    const rows = [
      presence(ALICE, 'online', 1),
      presence(BOB, 'online', 2),
      presence(ALICE, 'online', 3, H),
      presence(BOB, 'online', 4),
    ];
    expect(flags(rows)).toEqual([
      { at: 1, first: true, keep: true, last: true },
      { at: 2, first: true, keep: true, last: false },
      { at: 3, first: true, keep: true, last: true },
      { at: 4, first: false, keep: false, last: true },
    ]);
  });
});
