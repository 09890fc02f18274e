export const retentionKinds = [
  'presence',
  'messages',
  'typing',
  'reactions',
  'latency',
  'joins',
  'voice',
  'roleChanges',
] as const;
export type RetentionKind = (typeof retentionKinds)[number];

/**
 * Days kept per kind and the GuildSettings column of a guild's override. The seed's defaults
 * (presence 90 days, messages 30) plus the (typing, reactions, latency 30; joins a
 * year). Voice follows presence and role changes follow joins: the seed names neither.
 */
export const retentionDefaults: Record<RetentionKind, { days: number; settingsColumn: string }> = {
  presence: { days: 90, settingsColumn: 'retentionPresenceDays' },
  messages: { days: 30, settingsColumn: 'retentionMessageDays' },
  typing: { days: 30, settingsColumn: 'retentionTypingDays' },
  reactions: { days: 30, settingsColumn: 'retentionReactionDays' },
  latency: { days: 30, settingsColumn: 'retentionLatencyDays' },
  joins: { days: 365, settingsColumn: 'retentionMemberEventDays' },
  voice: { days: 90, settingsColumn: 'retentionVoiceDays' },
  roleChanges: { days: 365, settingsColumn: 'retentionRoleChangeDays' },
};

/** A guild-scoped table whose rows expire with a kind's window. */
export interface RetainedTable {
  table: string;
  timeColumn: string;
  /** The kind whose window applies; of several, the shortest window (but see kindColumn). */
  kind: RetentionKind | readonly RetentionKind[];
  /**
   * A column naming each row's kind: each row then expires with its own kind's window, and
   * `kind` lists the kinds the table holds.
   */
  kindColumn?: string;
}

/**
 * Every table retention trims. Rollups (aggregates of the event tables) follow their source,
 * so nothing derived outlives what it was derived from; ActivityRollup (messages, typing and
 * reactions together) follows messages.
 */
export const retainedTables: readonly RetainedTable[] = [
  { table: 'Presence', timeColumn: 'timestamp', kind: 'presence' },
  { table: 'PresenceRollup', timeColumn: 'bucket', kind: 'presence' },
  { table: 'PresenceComboRollup', timeColumn: 'bucket', kind: 'presence' },
  { table: 'Message', timeColumn: 'timestamp', kind: 'messages' },
  { table: 'ActivityRollup', timeColumn: 'bucket', kind: 'messages' },
  // A pair whose latest message expired has no message left; a later one keeps its pair.
  { table: 'ChannelAuthor', timeColumn: 'lastMessageAt', kind: 'messages' },
  // Running totals mix these kinds: they go with the first of them to expire.
  {
    table: 'MemberDayTotal',
    timeColumn: 'day',
    kind: ['presence', 'messages', 'typing', 'reactions'],
  },
  // The two trailing windows' totals go, like the running totals, with the first of those kinds
  // to expire in their earliest hour; the rollup job writes them again at its next anchor.
  {
    table: 'MemberTrailingTotal',
    timeColumn: 'coversFrom',
    kind: ['presence', 'messages', 'typing', 'reactions'],
  },
  // Scored from the trailing totals (and joins): they go with them; shifts with the kinds they
  // compare.
  {
    table: 'MemberSuspicionBase',
    timeColumn: 'coversFrom',
    kind: ['presence', 'messages', 'typing', 'reactions'],
  },
  {
    table: 'MemberShiftBase',
    timeColumn: 'coversFrom',
    kind: ['presence', 'messages', 'typing'],
  },
  // Guild counts per kind (no member column): each kind's rows with that kind's events.
  {
    table: 'GuildQuarterCount',
    timeColumn: 'bucket',
    kind: ['messages', 'typing', 'presence'],
    kindColumn: 'kind',
  },
  {
    table: 'ChannelHourCount',
    timeColumn: 'bucket',
    kind: ['messages', 'typing'],
    kindColumn: 'kind',
  },
  { table: 'TypingEvent', timeColumn: 'timestamp', kind: 'typing' },
  { table: 'ReactionEvent', timeColumn: 'timestamp', kind: 'reactions' },
  { table: 'ReactionLatency', timeColumn: 'timestamp', kind: 'latency' },
  { table: 'MemberEvent', timeColumn: 'timestamp', kind: 'joins' },
  { table: 'VoiceSession', timeColumn: 'joinedAt', kind: 'voice' },
  { table: 'RoleChange', timeColumn: 'timestamp', kind: 'roleChanges' },
];

/**
 * Tables with a member column that retention deliberately does not trim by age: profiles and
 * current membership, bans (permanent), what a dashboard user manages (replaced at each
 * login), the audit log (archived instead), opt-out markers, and account rows that expire
 * (sessions, tokens) or go with their owner (keys). A test fails when a table with a member
 * column is in neither list.
 */
export const keptTables = [
  'User',
  'GuildMember',
  'BanRecord',
  'ManagedGuild',
  'AuditLog',
  'AuditLogArchive',
  'OptOut',
  'Session',
  'RefreshToken',
  'ApiKey',
  'IpBlock',
  'Guild',
] as const;

/** Instance-wide rules: the audit log moves to its archive after a year; sessions on expiry. */
export const retentionRules = {
  auditLogDays: 365,
  /** How long after the bot leaves a guild its data is purged (cancelled if it returns). */
  guildPurgeGraceDays: 7,
} as const;

/** The longest override a guild may set (ten years). */
export const MAX_RETENTION_DAYS = 3_650;

/** A guild's overrides, kind by kind; a missing kind uses the default. */
export interface GuildRetention {
  guildId: string;
  days: Partial<Record<RetentionKind, number>>;
}

/** One thing retention will do; `before` is exclusive. */
export type RetentionStep =
  | {
      type: 'delete';
      table: string;
      timeColumn: string;
      before: Date;
      /** One guild (an override), or every guild but those with their own step. */
      scope: { guildId: string } | { exceptGuildIds: string[] };
      /** Only the rows of this kind (a table with a kind column). */
      rows?: { column: string; kind: RetentionKind };
    }
  | { type: 'archive'; table: 'AuditLog'; before: Date }
  | { type: 'expire'; table: 'Session' | 'RefreshToken'; before: Date };

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/**
 * What retention deletes at `now`: per table, one step for the default and one per guild that
 * overrides its kind (the override wins, shorter or longer); then the audit archive and
 * expired sessions and refresh tokens. Bans are never trimmed.
 */
export const decideRetention = (
  now: Date,
  overrides: readonly GuildRetention[],
): RetentionStep[] => {
  const steps: RetentionStep[] = [];
  // A table with a kind column is one table per kind, each trimmed on its own rows.
  const perKind = retainedTables.flatMap((retained) => {
    const { kindColumn, ...table } = retained;
    if (kindColumn === undefined || typeof retained.kind === 'string') return [{ table }];
    return retained.kind.map((kind) => ({
      table: { ...table, kind },
      rows: { column: kindColumn, kind },
    }));
  });
  for (const { table: retained, ...only } of perKind) {
    const kinds: readonly RetentionKind[] =
      typeof retained.kind === 'string' ? [retained.kind] : retained.kind;
    // A table of several kinds keeps the shortest of their windows.
    const keptDays = (days: Partial<Record<RetentionKind, number>>) =>
      Math.min(...kinds.map((kind) => days[kind] ?? retentionDefaults[kind].days));
    const own = overrides.flatMap((guild) =>
      kinds.some((kind) => guild.days[kind] !== undefined)
        ? [{ guildId: guild.guildId, days: keptDays(guild.days) }]
        : [],
    );
    const base = {
      type: 'delete' as const,
      table: retained.table,
      timeColumn: retained.timeColumn,
      ...only,
    };
    steps.push({
      ...base,
      before: daysBefore(now, keptDays({})),
      scope: { exceptGuildIds: own.map((guild) => guild.guildId) },
    });
    for (const guild of own) {
      steps.push({
        ...base,
        before: daysBefore(now, guild.days),
        scope: { guildId: guild.guildId },
      });
    }
  }
  steps.push({
    type: 'archive',
    table: 'AuditLog',
    before: daysBefore(now, retentionRules.auditLogDays),
  });
  steps.push({ type: 'expire', table: 'RefreshToken', before: now });
  steps.push({ type: 'expire', table: 'Session', before: now });
  return steps;
};

/** The days a guild keeps each kind: its override, or the default. */
export const toEffectiveDays = (
  days: Partial<Record<RetentionKind, number>>,
): Record<RetentionKind, number> =>
  Object.fromEntries(
    retentionKinds.map((kind) => [kind, days[kind] ?? retentionDefaults[kind].days]),
  ) as Record<RetentionKind, number>;

/** The defaults, kind → days. */
export const toDefaultDays = (): Record<RetentionKind, number> => toEffectiveDays({});
