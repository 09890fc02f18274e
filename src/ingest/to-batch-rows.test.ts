import { describe, expect, it } from 'vitest';
import type { PresenceRow, TypingRow } from './ingest-rows.ts';
import { toBatchRows } from './to-batch-rows.ts';

const typing = (n: number): TypingRow => ({
  guildId: '1',
  channelId: '2',
  userDiscordId: String(100 + n),
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
});

const presence = (n: number): PresenceRow => ({
  guildId: '1',
  userDiscordId: String(100 + n),
  status: 'online',
  clientStatus: { desktop: 'online' },
  activities: [],
  timestamp: new Date(Date.UTC(2026, 0, 1)),
});

describe('toBatchRows', () => {
  it('joins each kind in the order received and leaves the other kinds empty', () => {
    const rows = toBatchRows([{ typing: [typing(1)] }, {}, { typing: [typing(2), typing(3)] }]);
    expect(rows.typing.map((row) => row.userDiscordId)).toEqual(['101', '102', '103']);
    expect(rows.presences).toEqual([]);
    expect(rows.users).toEqual([]);
  });

  it('takes a kind only one dispatch carries as it is', () => {
    const presences = [presence(1)];
    expect(toBatchRows([{ presences }, { typing: [typing(1)] }]).presences).toBe(presences);
  });

  // Issue 3 (ingest benchmark): a GUILD_CREATE listing every member of a big guild made
  // `push(...rows)` overflow the stack, and the writer retried the batch forever.
  it('joins lists of hundreds of thousands of rows', () => {
    const big = Array.from({ length: 300_000 }, (_, n) => typing(n % 60));
    const rows = toBatchRows([{ typing: big }, { typing: big }]);
    expect(rows.typing).toHaveLength(600_000);
  });
});
