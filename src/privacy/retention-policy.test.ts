import { describe, expect, it } from 'vitest';
import { groupByTable } from '../store/privacy/member-match-sql.ts';
import { listUserColumns } from '../store/privacy/user-columns.ts';
import { listTableNames } from '../store/schema-tables.ts';
import {
  decideRetention,
  keptTables,
  retainedTables,
  toEffectiveDays,
} from './retention-policy.ts';

const now = new Date('2026-11-25T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('decideRetention', () => {
  it('uses the defaults when no guild overrides anything', () => {
    const steps = decideRetention(now, []);
    const byTable = Object.fromEntries(
      steps.map((step) => [
        step.type === 'delete' && step.rows ? `${step.table}.${step.rows.kind}` : step.table,
        step.before.toISOString(),
      ]),
    );
    expect(byTable).toEqual({
      Presence: daysAgo(90).toISOString(),
      PresenceRollup: daysAgo(90).toISOString(),
      PresenceComboRollup: daysAgo(90).toISOString(),
      Message: daysAgo(30).toISOString(),
      ActivityRollup: daysAgo(30).toISOString(),
      ChannelAuthor: daysAgo(30).toISOString(),
      MemberDayTotal: daysAgo(30).toISOString(),
      MemberTrailingTotal: daysAgo(30).toISOString(),
      MemberSuspicionBase: daysAgo(30).toISOString(),
      MemberShiftBase: daysAgo(30).toISOString(),
      'GuildQuarterCount.messages': daysAgo(30).toISOString(),
      'GuildQuarterCount.typing': daysAgo(30).toISOString(),
      'GuildQuarterCount.presence': daysAgo(90).toISOString(),
      'ChannelHourCount.messages': daysAgo(30).toISOString(),
      'ChannelHourCount.typing': daysAgo(30).toISOString(),
      TypingEvent: daysAgo(30).toISOString(),
      ReactionEvent: daysAgo(30).toISOString(),
      ReactionLatency: daysAgo(30).toISOString(),
      MemberEvent: daysAgo(365).toISOString(),
      VoiceSession: daysAgo(90).toISOString(),
      RoleChange: daysAgo(365).toISOString(),
      AuditLog: daysAgo(365).toISOString(),
      RefreshToken: now.toISOString(),
      Session: now.toISOString(),
    });
    expect(steps.find((step) => step.table === 'BanRecord')).toBeUndefined();
  });

  it('trims a table of several kinds (running totals) at the shortest of their windows', () => {
    const steps = decideRetention(now, [
      { guildId: 'a', days: { presence: 7 } },
      { guildId: 'b', days: { voice: 7 } },
    ]).filter((step) => step.table === 'MemberDayTotal');
    expect(steps).toEqual([
      {
        type: 'delete',
        table: 'MemberDayTotal',
        timeColumn: 'day',
        before: daysAgo(30),
        scope: { exceptGuildIds: ['a'] },
      },
      {
        type: 'delete',
        table: 'MemberDayTotal',
        timeColumn: 'day',
        before: daysAgo(7),
        scope: { guildId: 'a' },
      },
    ]);
  });

  it("trims a table with a kind column row by row at each kind's window, overrides too", () => {
    const steps = decideRetention(now, [{ guildId: 'a', days: { presence: 7 } }]).filter(
      (step) => step.table === 'GuildQuarterCount',
    );
    const step = (kind: 'messages' | 'typing' | 'presence', days: number, scope: object) => ({
      type: 'delete',
      table: 'GuildQuarterCount',
      timeColumn: 'bucket',
      rows: { column: 'kind', kind },
      before: daysAgo(days),
      scope,
    });
    expect(steps).toEqual([
      step('messages', 30, { exceptGuildIds: [] }),
      step('typing', 30, { exceptGuildIds: [] }),
      step('presence', 90, { exceptGuildIds: ['a'] }),
      step('presence', 7, { guildId: 'a' }),
    ]);
  });

  it('gives an overriding guild its own step and leaves it out of the default', () => {
    const steps = decideRetention(now, [
      { guildId: 'a', days: { presence: 7 } },
      { guildId: 'b', days: { presence: 400, messages: 1 } },
    ]);
    expect(steps.filter((step) => step.table === 'Presence')).toEqual([
      {
        type: 'delete',
        table: 'Presence',
        timeColumn: 'timestamp',
        before: daysAgo(90),
        scope: { exceptGuildIds: ['a', 'b'] },
      },
      {
        type: 'delete',
        table: 'Presence',
        timeColumn: 'timestamp',
        before: daysAgo(7),
        scope: { guildId: 'a' },
      },
      {
        type: 'delete',
        table: 'Presence',
        timeColumn: 'timestamp',
        before: daysAgo(400),
        scope: { guildId: 'b' },
      },
    ]);
    expect(steps.filter((step) => step.table === 'Message')).toEqual([
      {
        type: 'delete',
        table: 'Message',
        timeColumn: 'timestamp',
        before: daysAgo(30),
        scope: { exceptGuildIds: ['b'] },
      },
      {
        type: 'delete',
        table: 'Message',
        timeColumn: 'timestamp',
        before: daysAgo(1),
        scope: { guildId: 'b' },
      },
    ]);
  });

  it('reports effective days: the override, else the default', () => {
    expect(toEffectiveDays({ messages: 5 })).toEqual({
      presence: 90,
      messages: 5,
      typing: 30,
      reactions: 30,
      latency: 30,
      joins: 365,
      voice: 90,
      roleChanges: 365,
    });
  });

  it('decides for every table that can hold a member: trimmed by age or deliberately kept', () => {
    const memberTables = [...groupByTable(listUserColumns()).keys()];
    const decided = new Set<string>([...retainedTables.map((t) => t.table), ...keptTables]);
    expect(memberTables.filter((table) => !decided.has(table))).toEqual([]);
    // And every table named exists in the schema.
    expect([...decided].filter((table) => !listTableNames().includes(table))).toEqual([]);
  });
});
