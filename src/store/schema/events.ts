import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdNow, utc, uuidKey } from './columns.ts';
import { guilds } from './guild.ts';
import { users } from './user.ts';

const guildRef = () =>
  text('guildId')
    .notNull()
    .references(() => guilds.id, { onDelete: 'cascade' });
const userRef = () =>
  text('userId')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
/** Key for event tables the seed does not have: a native uuid (16 bytes, not 37). */
const eventKey = () => uuid('id').primaryKey().defaultRandom();
/**
 * The key of a table partitioned by week on "timestamp" (0004_partition_events, hand-written:
 * Drizzle cannot say PARTITION BY): PostgreSQL requires the partition key in the primary key.
 */
const partitionedKey = (table: string, t: { id: AnyPgColumn; timestamp: AnyPgColumn }) =>
  primaryKey({ name: `${table}_id_timestamp_pk`, columns: [t.id, t.timestamp] });

/** Discord's client platforms in bit order: https://discord.com/developers/docs/events/gateway-events#client-status-object */
const platformBits = ['desktop', 'mobile', 'web', 'embedded'] as const;

/**
 * A snapshot's platforms as one smallint, computed by PostgreSQL from clientStatus whoever
 * inserts the row: bits 0–3 the platforms not offline (desktop 1, mobile 2, web 4, embedded 8),
 * bits 4–7 the platforms listed at all. The analytics read it instead of the jsonb (which cost
 * them most of a raw snapshot's time).
 */
const platformsSql = sql.raw(
  platformBits
    .map(
      (name, bit) =>
        `((COALESCE("clientStatus" ->> '${name}', 'offline') <> 'offline')::int << ${bit}) | (COALESCE("clientStatus" ? '${name}', false)::int << ${bit + 4})`,
    )
    .map((term) => `(${term})`)
    .join(' | '),
);

/** A presence snapshot (seed: Presence, plus the guild the seed forgot). */
export const presences = pgTable(
  'Presence',
  {
    id: text('id').notNull().default(sql`gen_random_uuid()::text`),
    guildId: guildRef(),
    userId: userRef(),
    status: text('status').notNull(),
    clientStatus: jsonb('clientStatus'),
    activities: jsonb('activities'),
    timestamp: createdNow('timestamp'),
    /** See platformsSql. */
    platforms: smallint('platforms').notNull().generatedAlwaysAs(sql`(${platformsSql})::smallint`),
  },
  (t) => [
    partitionedKey('Presence', t),
    // The seed's @@index([userId, timestamp]), idx_presence_user_time and
    // idx_presence_covering are one index, idx_presence_covering ("userId", "timestamp" DESC)
    // INCLUDE ("status", "clientStatus"): a hand-written migration, as Drizzle cannot say INCLUDE.
    // The seed's idx_presence_status (status alone) is left out (0005): four values, so no
    // query could use it over a scan (every presence query is scoped by guild or user and time,
    // which the other indexes serve), and it cost about 7% of each snapshot's insert on the
    // busiest table.
    index('idx_presence_timestamp').on(t.timestamp),
    index('Presence_guildId_timestamp_idx').on(t.guildId, t.timestamp),
    check('Presence_status_check', sql`${t.status} IN ('online', 'idle', 'dnd', 'offline')`),
  ],
);

/**
 * Message metadata (seed: Message). `id` is Discord's message id, unique with its timestamp
 * (which comes from Discord too); content only when enabled.
 */
export const messages = pgTable(
  'Message',
  {
    id: text('id').notNull().default(sql`gen_random_uuid()::text`),
    userId: userRef(),
    channelId: text('channelId').notNull(),
    guildId: guildRef(),
    /** Null unless the guild enabled content capture (the seed had it required). */
    content: text('content'),
    length: integer('length').notNull().default(0),
    attachments: jsonb('attachments'),
    timestamp: createdNow('timestamp'),
    editedAt: utc('editedAt'),
    deletedAt: utc('deletedAt'),
  },
  (t) => [
    partitionedKey('Message', t),
    index('idx_message_user_time').on(t.userId, t.timestamp.desc().nullsFirst()),
    index('Message_channelId_idx').on(t.channelId),
    // Message_guildId_timestamp_idx ("guildId", "timestamp") INCLUDE ("userId", "channelId"):
    // hand-written (0009), as Drizzle cannot say INCLUDE. It carries the member and channel so
    // that the channel analytics read a window's messages from the index alone.
    index('idx_message_timestamp').on(t.timestamp),
  ],
);

/** A role added to or removed from a member (seed: RoleChange, plus its guild). */
export const roleChanges = pgTable(
  'RoleChange',
  {
    id: uuidKey(),
    guildId: guildRef(),
    userId: userRef(),
    roleId: text('roleId').notNull(),
    action: text('action').$type<'added' | 'removed'>().notNull(),
    actorId: text('actorId'),
    timestamp: createdNow('timestamp'),
  },
  (t) => [
    index('RoleChange_userId_timestamp_idx').on(t.userId, t.timestamp),
    index('RoleChange_roleId_idx').on(t.roleId),
    index('RoleChange_guildId_timestamp_idx').on(t.guildId, t.timestamp),
    check('RoleChange_action_check', sql`${t.action} IN ('added', 'removed')`),
  ],
);

/** TYPING_START: feeds ghosts, heatmaps and reaction latency. */
export const typingEvents = pgTable(
  'TypingEvent',
  {
    id: uuid('id').notNull().defaultRandom(),
    guildId: guildRef(),
    channelId: text('channelId').notNull(),
    userId: userRef(),
    timestamp: createdNow('timestamp'),
  },
  (t) => [
    partitionedKey('TypingEvent', t),
    // TypingEvent_guildId_timestamp_idx ("guildId", "timestamp") INCLUDE ("userId",
    // "channelId"): hand-written (0009), as for Message_guildId_timestamp_idx.
    index('TypingEvent_userId_timestamp_idx').on(t.userId, t.timestamp),
  ],
);

/** MESSAGE_REACTION_ADD / REMOVE. */
export const reactionEvents = pgTable(
  'ReactionEvent',
  {
    id: eventKey(),
    guildId: guildRef(),
    channelId: text('channelId').notNull(),
    messageId: text('messageId').notNull(),
    userId: userRef(),
    emoji: text('emoji').notNull(),
    action: text('action').$type<'added' | 'removed'>().notNull(),
    timestamp: createdNow('timestamp'),
  },
  (t) => [
    index('ReactionEvent_guildId_timestamp_idx').on(t.guildId, t.timestamp),
    index('ReactionEvent_userId_timestamp_idx').on(t.userId, t.timestamp),
    check('ReactionEvent_action_check', sql`${t.action} IN ('added', 'removed')`),
  ],
);

/** GUILD_MEMBER_ADD / REMOVE, with the account's creation time read from its snowflake. */
export const memberEvents = pgTable(
  'MemberEvent',
  {
    id: eventKey(),
    guildId: guildRef(),
    userId: userRef(),
    type: text('type').$type<'join' | 'leave'>().notNull(),
    accountCreatedAt: utc('accountCreatedAt').notNull(),
    timestamp: createdNow('timestamp'),
  },
  (t) => [
    index('MemberEvent_guildId_timestamp_idx').on(t.guildId, t.timestamp),
    index('MemberEvent_userId_timestamp_idx').on(t.userId, t.timestamp),
    // MemberEvent_joins_idx ("guildId", "userId", timestamp DESC) INCLUDE ("accountCreatedAt")
    // WHERE type = 'join': hand-written (0014), as Drizzle cannot say INCLUDE.
    check('MemberEvent_type_check', sql`${t.type} IN ('join', 'leave')`),
  ],
);

/** A stay in a voice channel, from VOICE_STATE_UPDATE; `leftAt` is null while connected. */
export const voiceSessions = pgTable(
  'VoiceSession',
  {
    id: eventKey(),
    guildId: guildRef(),
    userId: userRef(),
    channelId: text('channelId').notNull(),
    joinedAt: utc('joinedAt').notNull(),
    leftAt: utc('leftAt'),
  },
  (t) => [
    index('VoiceSession_guildId_joinedAt_idx').on(t.guildId, t.joinedAt),
    index('VoiceSession_userId_joinedAt_idx').on(t.userId, t.joinedAt),
  ],
);

/** Member B began typing `latencyMs` after member A's message in the same channel (< 5 s). */
export const reactionLatencies = pgTable(
  'ReactionLatency',
  {
    id: eventKey(),
    guildId: guildRef(),
    channelId: text('channelId').notNull(),
    userId: userRef(),
    targetUserId: text('targetUserId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    messageId: text('messageId').notNull(),
    latencyMs: integer('latencyMs').notNull(),
    timestamp: createdNow('timestamp'),
  },
  (t) => [
    index('ReactionLatency_guildId_timestamp_idx').on(t.guildId, t.timestamp),
    index('ReactionLatency_userId_timestamp_idx').on(t.userId, t.timestamp),
    index('ReactionLatency_targetUserId_idx').on(t.targetUserId),
    check('ReactionLatency_latencyMs_check', sql`${t.latencyMs} >= 0 AND ${t.latencyMs} < 5000`),
  ],
);
