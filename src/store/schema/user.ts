import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdNow, updatedNow, uuidKey } from './columns.ts';
import { guilds } from './guild.ts';

/** Instance roles; BANNED is refused everywhere. */
export const instanceRoles = ['USER', 'MODERATOR', 'ADMIN', 'BANNED'] as const;
export type InstanceRole = (typeof instanceRoles)[number];

/** A Discord user, seen by the bot or logged in to the dashboard (seed: User). */
export const users = pgTable(
  'User',
  {
    id: uuidKey(),
    discordId: text('discordId').notNull().unique('User_discordId_key'),
    username: text('username').notNull(),
    discriminator: text('discriminator').notNull(),
    /** Discord's display name (newer than the seed). */
    globalName: text('globalName'),
    avatar: text('avatar'),
    isBot: boolean('isBot').notNull().default(false),
    /** The guild the user was first seen in; memberships of every guild are in GuildMember. */
    guildId: text('guildId').references(() => guilds.id, { onDelete: 'set null' }),
    role: text('role').$type<InstanceRole>().notNull().default('USER'),
    createdAt: createdNow(),
    updatedAt: updatedNow(),
  },
  (t) => [
    index('idx_user_guild').on(t.guildId),
    index('User_username_idx').on(t.username),
    index('User_createdAt_idx').on(t.createdAt),
    index('idx_user_username_gin').using('gin', sql`to_tsvector('english', ${t.username})`),
    check('User_role_check', sql`${t.role} IN ('USER', 'MODERATOR', 'ADMIN', 'BANNED')`),
  ],
);

/**
 * A member's objection to being recorded. Collection stops and their data is deleted; only
 * this marker (a Discord id, no profile) stays. `guildId` null means every guild.
 */
export const optOuts = pgTable(
  'OptOut',
  {
    id: uuidKey(),
    discordId: text('discordId').notNull(),
    guildId: text('guildId'),
    createdAt: createdNow(),
  },
  (t) => [unique('OptOut_discordId_guildId_key').on(t.discordId, t.guildId).nullsNotDistinct()],
);
