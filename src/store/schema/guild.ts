import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { createdNow, updatedNow, utc } from './columns.ts';
import { users } from './user.ts';

/**
 * A Discord guild the bot is (or was) in. The seed draws Guild in its diagram but never
 * defines it; `id` is the guild's snowflake.
 */
export const guilds = pgTable('Guild', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  icon: text('icon'),
  ownerId: text('ownerId'),
  memberCount: integer('memberCount'),
  /** When the bot left or was removed; the guild's data is purged after a grace period. */
  leftAt: utc('leftAt'),
  createdAt: createdNow(),
  updatedAt: updatedNow(),
});

/** A role of a guild with its permission bitfield (a decimal string, as Discord sends it). */
export const guildRoles = pgTable(
  'GuildRole',
  {
    id: text('id').primaryKey(),
    guildId: text('guildId')
      .notNull()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    permissions: text('permissions').notNull(),
    position: integer('position').notNull().default(0),
    managed: boolean('managed').notNull().default(false),
    deletedAt: utc('deletedAt'),
    updatedAt: updatedNow(),
  },
  (t) => [index('GuildRole_guildId_idx').on(t.guildId)],
);

/**
 * A user's membership of one guild: current roles (to diff GUILD_MEMBER_UPDATE into
 * RoleChange rows) and current presence (so "online now" needs no scan of history).
 *
 * Nearly every presence dispatch rewrites its member's current presence, so the row is built
 * for HOT updates (PostgreSQL writes the new version on the same page and touches no index):
 * no index covers a presence column, and the table has `fillfactor = 80` (migration
 * 0005_guild_member_hot, hand-added: Drizzle cannot say WITH (fillfactor)) so a page keeps room
 * for new versions. The seed's "(guildId, status)" composite was an index here, and made every
 * status change a non-HOT update (a new entry in all three indexes): PostgreSQL 64 µs a
 * presence against 37 µs for a plain COPY. Nothing needs it: "online now"
 * (`get-overview-counts.ts`) counts in the same pass that counts every member of the guild,
 * which the primary key's leading "guildId" serves, and no query filters members by status.
 */
export const guildMembers = pgTable(
  'GuildMember',
  {
    guildId: text('guildId')
      .notNull()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    nick: text('nick'),
    /** The member's roles; null until a payload has told us (then role changes are diffed). */
    roleIds: text('roleIds').array(),
    joinedAt: utc('joinedAt'),
    leftAt: utc('leftAt'),
    status: text('status').notNull().default('offline'),
    clientStatus: jsonb('clientStatus'),
    /** Fingerprint of the last stored snapshot, so identical consecutive ones are stored once. */
    presenceKey: text('presenceKey'),
    presenceAt: utc('presenceAt'),
    updatedAt: updatedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId] }),
    index('GuildMember_userId_idx').on(t.userId),
    check('GuildMember_status_check', sql`${t.status} IN ('online', 'idle', 'dnd', 'offline')`),
  ],
);

/** Per-guild choices: message-content capture (off by default) and retention overrides. */
export const guildSettings = pgTable(
  'GuildSettings',
  {
    guildId: text('guildId')
      .primaryKey()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    contentCapture: boolean('contentCapture').notNull().default(false),
    retentionPresenceDays: integer('retentionPresenceDays'),
    retentionMessageDays: integer('retentionMessageDays'),
    retentionTypingDays: integer('retentionTypingDays'),
    retentionReactionDays: integer('retentionReactionDays'),
    retentionLatencyDays: integer('retentionLatencyDays'),
    retentionMemberEventDays: integer('retentionMemberEventDays'),
    retentionVoiceDays: integer('retentionVoiceDays'),
    retentionRoleChangeDays: integer('retentionRoleChangeDays'),
    updatedAt: updatedNow(),
  },
  (t) => [
    check(
      'GuildSettings_retention_check',
      sql`LEAST(${t.retentionPresenceDays}, ${t.retentionMessageDays}, ${t.retentionTypingDays},
        ${t.retentionReactionDays}, ${t.retentionLatencyDays}, ${t.retentionMemberEventDays},
        ${t.retentionVoiceDays}, ${t.retentionRoleChangeDays}) >= 1`,
    ),
  ],
);
