import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { guilds } from './guild.ts';
import { users } from './user.ts';

/*
 * Rollups: per member (and channel) aggregates of the raw event tables over whole UTC hours
 * (`bucketHours` 1) and whole UTC days (24), kept by the rollup job (src/store/rollups) so
 * analytics read a few rows per member instead of every event. Keyed by guildId and userId,
 * so member erasure, retention and guild purges find them like the event tables.
 */

const guildRef = () =>
  text('guildId')
    .notNull()
    .references(() => guilds.id, { onDelete: 'cascade' });
const userRef = () =>
  text('userId')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bucket = () => at('bucket').notNull();
const bucketHours = () => smallint('bucketHours').notNull();
const hoursCheck = (name: string, column: unknown) => check(name, sql`${column} IN (1, 24)`);

/** A member's presence snapshots in one bucket (what ghosts, lurkers, shifts… count). */
export const presenceRollups = pgTable(
  'PresenceRollup',
  {
    guildId: guildRef(),
    bucketHours: bucketHours(),
    bucket: bucket(),
    userId: userRef(),
    snapshots: integer('snapshots').notNull(),
    nonOfflineSnapshots: integer('nonOfflineSnapshots').notNull(),
    /** Non-offline snapshots with two or more platforms not offline. */
    multiClientSnapshots: integer('multiClientSnapshots').notNull(),
    /** Snapshots (any status) whose clientStatus has two or more platforms. */
    multiKeySnapshots: integer('multiKeySnapshots').notNull(),
    /** Platforms not offline in any non-offline snapshot: desktop 1, mobile 2, web 4, embedded 8. */
    platformsMask: smallint('platformsMask').notNull(),
    firstAt: at('firstAt').notNull(),
    lastAt: at('lastAt').notNull(),
    /** Whether the bucket's last snapshot is not offline (its online time runs into the next). */
    lastOnline: boolean('lastOnline').notNull(),
    firstOnlineAt: at('firstOnlineAt'),
    lastOnlineAt: at('lastOnlineAt'),
    firstMultiAt: at('firstMultiAt'),
    lastMultiAt: at('lastMultiAt'),
    /** Online time (µs) of non-offline snapshots followed by another snapshot in the bucket. */
    innerOnlineMicros: bigint('innerOnlineMicros', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.bucketHours, t.bucket, t.userId] }),
    // The listed members' first/last times (lurkers, multi-client) without reading everyone's.
    index('PresenceRollup_guildId_userId_idx').on(t.guildId, t.userId, t.bucketHours, t.bucket),
    hoursCheck('PresenceRollup_bucketHours_check', t.bucketHours),
  ],
);

/** Multi-client snapshots of a member in one bucket, per combination of platforms. */
export const presenceComboRollups = pgTable(
  'PresenceComboRollup',
  {
    guildId: guildRef(),
    bucketHours: bucketHours(),
    bucket: bucket(),
    userId: userRef(),
    platformsMask: smallint('platformsMask').notNull(),
    snapshots: integer('snapshots').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.bucketHours, t.bucket, t.userId, t.platformsMask] }),
    index('PresenceComboRollup_guildId_userId_idx').on(
      t.guildId,
      t.userId,
      t.bucketHours,
      t.bucket,
    ),
    hoursCheck('PresenceComboRollup_bucketHours_check', t.bucketHours),
  ],
);

/**
 * A member's messages, typing and reactions in one channel and bucket, and the timing of the
 * member's messages (gaps to their previous message in the same bucket, whatever the channel,
 * counted on the later message's channel).
 */
export const activityRollups = pgTable(
  'ActivityRollup',
  {
    guildId: guildRef(),
    bucketHours: bucketHours(),
    bucket: bucket(),
    userId: userRef(),
    channelId: text('channelId').notNull(),
    messages: integer('messages').notNull(),
    typing: integer('typing').notNull(),
    reactions: integer('reactions').notNull(),
    firstMessageAt: at('firstMessageAt'),
    lastMessageAt: at('lastMessageAt'),
    messageGaps: integer('messageGaps').notNull(),
    /** Sum of the gaps and of their squares, in seconds (exact numeric). */
    gapSeconds: numeric('gapSeconds').notNull(),
    gapSquares: numeric('gapSquares').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.bucketHours, t.bucket, t.userId, t.channelId] }),
    // The message timing of a few members (suspicion's candidates) without the guild's rows.
    index('ActivityRollup_guildId_userId_idx').on(t.guildId, t.userId, t.bucketHours, t.bucket),
    hoursCheck('ActivityRollup_bucketHours_check', t.bucketHours),
  ],
);

/** How far the rollups reach: every hour before `rolledUntil` is aggregated. */
export const rollupStates = pgTable('RollupState', {
  name: text('name').primaryKey(),
  rolledUntil: at('rolledUntil').notNull(),
  updatedAt: at('updatedAt').notNull().defaultNow(),
});

/**
 * A member's running totals through each UTC day: one row per member and day from the first
 * day the member has rolled-up data (dense: a day without activity repeats the previous
 * totals), so the totals of any run of whole days are the difference of two rows — two index
 * range reads of one row per member instead of one row per member and hour or day. The row
 * of the last rolled day counts up to RollupState.rolledUntil. Sums only: the analytics read
 * first/last times and online time from PresenceRollup.
 */
export const memberDayTotals = pgTable(
  'MemberDayTotal',
  {
    guildId: guildRef(),
    /** The UTC day (midnight) whose end — or rolledUntil, for the last day — the totals reach. */
    day: at('day').notNull(),
    userId: userRef(),
    snapshots: integer('snapshots').notNull(),
    nonOfflineSnapshots: integer('nonOfflineSnapshots').notNull(),
    multiClientSnapshots: integer('multiClientSnapshots').notNull(),
    multiKeySnapshots: integer('multiKeySnapshots').notNull(),
    messages: integer('messages').notNull(),
    typing: integer('typing').notNull(),
    reactions: integer('reactions').notNull(),
    /**
     * Hours (hourly PresenceRollup rows) in which the member was seen not offline on each
     * platform: a count whose difference says whether a run of days showed the platform.
     */
    desktopHours: integer('desktopHours').notNull().default(0),
    mobileHours: integer('mobileHours').notNull().default(0),
    webHours: integer('webHours').notNull().default(0),
    embeddedHours: integer('embeddedHours').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.day, t.userId] })],
);

/** What a guild's quarter-hour counts count (the heatmap's metrics; also retention kinds). */
export const guildCountKinds = ['messages', 'typing', 'presence'] as const;
export type GuildCountKind = (typeof guildCountKinds)[number];

/**
 * A guild's events of one kind per UTC quarter-hour (messages, typing events, non-offline
 * presence snapshots), kept by the rollup job up to its own RollupState row: every time zone's
 * offset is a whole number of quarter-hours, so these give a heatmap in any zone from about
 * 700 rows a week. No member column: member erasure subtracts the member's events before
 * deleting them, and the analytics subtract those of opted-out members still stored.
 */
export const guildQuarterCounts = pgTable(
  'GuildQuarterCount',
  {
    guildId: guildRef(),
    kind: text('kind').notNull().$type<GuildCountKind>(),
    bucket: bucket(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.kind, t.bucket] }),
    check('GuildQuarterCount_kind_check', sql`${t.kind} IN ('messages', 'typing', 'presence')`),
  ],
);

/** What a channel's hourly counts count (the channel analytics' totals; also retention kinds). */
export const channelCountKinds = ['messages', 'typing'] as const;
export type ChannelCountKind = (typeof channelCountKinds)[number];

/**
 * A channel's messages or typing events per UTC hour, kept by the rollup job with the guild
 * quarter-hour counts (same RollupState row, same transactions): the channel analytics total a
 * week's activity per channel from about 170 rows per channel (the benchmark's big guild: 40
 * channels, 124,134 messages a week) instead of every event. No member column, as in
 * GuildQuarterCount: erasure subtracts, the analytics subtract opted-out members' rows.
 */
export const channelHourCounts = pgTable(
  'ChannelHourCount',
  {
    guildId: guildRef(),
    kind: text('kind').notNull().$type<ChannelCountKind>(),
    bucket: bucket(),
    channelId: text('channelId').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.kind, t.bucket, t.channelId] }),
    check('ChannelHourCount_kind_check', sql`${t.kind} IN ('messages', 'typing')`),
  ],
);

/**
 * Per member and channel, the time of the member's latest message there that the rollup job
 * has seen (messages before its own RollupState row, 'channel-authors'). A window that ends at
 * or after that watermark — the default one, ending now — was written in by exactly the pairs
 * whose latest message is at or after its start, plus those of the raw messages since the
 * watermark: distinct authors per channel and channels per member without grouping the
 * window's messages into pairs. Keyed by guildId and userId like the rollups (erasure,
 * retention, guild purge).
 */
export const channelAuthors = pgTable(
  'ChannelAuthor',
  {
    guildId: guildRef(),
    channelId: text('channelId').notNull(),
    userId: userRef(),
    lastMessageAt: at('lastMessageAt').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.channelId, t.userId] }),
    // ChannelAuthor_guildId_lastMessageAt_idx ("guildId", "lastMessageAt") INCLUDE
    // ("channelId", "userId"): hand-written (0010), as Drizzle cannot say INCLUDE. A window's
    // pairs are then read from the index alone.
  ],
);

/**
 * One trailing slot's totals, MemberDayTotal's counts with `suffix` ('' for slot 0, 'Before'
 * for slot 1): snapshots, non-offline, multi-client, multi-key, messages, typing, reactions and
 * each platform's hours.
 */
const slotTotals = <Suffix extends '' | 'Before'>(suffix: Suffix) => {
  const names = [
    'snapshots',
    'nonOfflineSnapshots',
    'multiClientSnapshots',
    'multiKeySnapshots',
    'messages',
    'typing',
    'reactions',
    'desktopHours',
    'mobileHours',
    'webHours',
    'embeddedHours',
  ] as const satisfies readonly (keyof typeof memberDayTotals.$inferSelect)[];
  return Object.fromEntries(
    names.map((name) => [`${name}${suffix}`, integer(`${name}${suffix}`).notNull()]),
  ) as Record<
    `${(typeof names)[number]}${Suffix}`,
    ReturnType<ReturnType<typeof integer>['notNull']>
  >;
};

/**
 * Each member's totals over two adjacent windows that end at an hour the rollup job no longer
 * redoes (`anchor`, its watermark less the redone hours): the columns of MemberDayTotal for
 * slot 0, [anchor − 7 days + 2 hours, anchor), and the same with "Before" for slot 1, the
 * 7 days before it (see trailingSlotRange). The default window — the last 7 days, and the 7
 * before it for behaviour shifts and suspicion — is then one row per member plus an hour or
 * two at each end, instead of the difference of two or three days' running totals plus up to
 * 12 hours at each end. Written by the rollup job once per new anchor, for the newest two
 * anchors (a reader that planned with the older one still finds its rows); per guild and
 * member (erasure, guild purge), and deleted by retention once its earliest hour
 * (`coversFrom`) has expired.
 */
export const memberTrailingTotals = pgTable(
  'MemberTrailingTotal',
  {
    guildId: guildRef(),
    /** Where slot 0 ends. */
    anchor: at('anchor').notNull(),
    /** Where slot 1 starts, anchor − 14 days + 2 hours (retention's time column). */
    coversFrom: at('coversFrom').notNull(),
    userId: userRef(),
    ...slotTotals(''),
    ...slotTotals('Before'),
    /**
     * Slot 0's message timing (suspicion's regularity): its first and last message, and the
     * gaps between its consecutive messages — how many, their sum and the sum of their
     * squares in seconds (exact numeric), as one piece of ActivityRollup's timing.
     */
    firstMessageAt: at('firstMessageAt'),
    lastMessageAt: at('lastMessageAt'),
    messageGaps: integer('messageGaps').notNull().default(0),
    gapSeconds: numeric('gapSeconds').notNull().default('0'),
    gapSquares: numeric('gapSquares').notNull().default('0'),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.anchor, t.userId] })],
);

/**
 * Each member's suspicion scored ahead of requests: the inputs of the suspicion analytic for
 * the 7 days before `endsAt` (and the 7 before those) — counts, message timing, the account age
 * at the latest join before `endsAt`, powerful roles added, no raid join — and the weighted
 * total of their factors under the scoring `scoring` names (a digest of the weights and
 * thresholds, see suspicionScoringKey). A request for a 7-day window ending shortly after
 * `endsAt` then scores only the members something changed for since (events between the two
 * windows, roles added, joins, raid bursts) and takes the others' totals from here, in index
 * order (see listSuspicionTop). Written by every run of the rollup job for every member of
 * each guild (opted-out users left out); the previous run's rows are kept for readers that
 * chose them. Per guild and member (erasure, guild purge), and deleted by retention once its
 * earliest instant (`coversFrom`, endsAt − 14 days) has expired.
 */
export const memberSuspicionBases = pgTable(
  'MemberSuspicionBase',
  {
    guildId: guildRef(),
    endsAt: at('endsAt').notNull(),
    coversFrom: at('coversFrom').notNull(),
    userId: userRef(),
    /** The scoring the totals were computed with (a digest of weights and thresholds). */
    scoring: text('scoring').notNull(),
    total: integer('total').notNull(),
    presenceCount: integer('presenceCount').notNull(),
    snapshots: integer('snapshots').notNull(),
    multiClientSnapshots: integer('multiClientSnapshots').notNull(),
    messages: integer('messages').notNull(),
    previousMessages: integer('previousMessages').notNull(),
    typing: integer('typing').notNull(),
    previousTyping: integer('previousTyping').notNull(),
    reactions: integer('reactions').notNull(),
    accountAgeAtJoinMs: doublePrecision('accountAgeAtJoinMs'),
    gapVariation: doublePrecision('gapVariation'),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.endsAt, t.userId] }),
    // Read backwards for the highest totals first.
    index('MemberSuspicionBase_guildId_endsAt_total_idx').on(t.guildId, t.endsAt, t.total),
  ],
);

/**
 * Behaviour shifts scored ahead of requests: per member with anything to compare, the figures
 * of the 7 days before `endsAt` and of the 7 before those — messages, typing events, the masks
 * of the platforms seen (desktop 1, mobile 2, web 4, embedded 8), and those seen after each
 * window's first hour ("late…") — the number of flags (`score`) under the thresholds `rules`
 * names (a digest, see shiftRulesKey) and the member's Discord id, the ranking's tie-break. A
 * request for a 7-day window ending within an hour after `endsAt` reads the raw rows between
 * the two (their counts and platforms added or taken away; a platform seen in rows that left a
 * window is looked for in the rest of that window's first hour, the "late" mask covering the
 * rest) for the members who have any, and takes the others in index order (see
 * listBehaviourShifts); a member without a row had nothing to compare. Written with
 * MemberSuspicionBase by every run of the rollup job (opted-out users left out), the previous
 * run's rows kept for readers that chose them. Per guild and member (erasure, guild purge), and
 * deleted by retention once `coversFrom` (endsAt − 14 days) has expired.
 */
export const memberShiftBases = pgTable(
  'MemberShiftBase',
  {
    guildId: guildRef(),
    endsAt: at('endsAt').notNull(),
    coversFrom: at('coversFrom').notNull(),
    userId: userRef(),
    /** The thresholds the flags were raised with (a digest). */
    rules: text('rules').notNull(),
    score: smallint('score').notNull(),
    /** User.discordId, copied: members tied on the score rank by it. */
    discordId: text('discordId').notNull(),
    messagesBefore: integer('messagesBefore').notNull(),
    messagesNow: integer('messagesNow').notNull(),
    typingBefore: integer('typingBefore').notNull(),
    typingNow: integer('typingNow').notNull(),
    platformsBefore: smallint('platformsBefore').notNull(),
    platformsNow: smallint('platformsNow').notNull(),
    /** The platforms seen in each window after its first hour. */
    latePlatformsBefore: smallint('latePlatformsBefore').notNull(),
    latePlatformsNow: smallint('latePlatformsNow').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.endsAt, t.userId] }),
    // In ranking order: the highest scores first, ties by Discord id (NULLS FIRST, as
    // `ORDER BY score DESC` sorts, so the index serves it).
    index('MemberShiftBase_ranking_idx').on(
      t.guildId,
      t.endsAt,
      t.rules,
      t.score.desc().nullsFirst(),
      t.discordId,
    ),
  ],
);
