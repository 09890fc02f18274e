import { boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdNow, utc, uuidKey } from './columns.ts';
import { guilds } from './guild.ts';
import { users } from './user.ts';

/** A member's ban in a guild (seed: BanRecord); permanent when `expiresAt` is null. */
export const banRecords = pgTable(
  'BanRecord',
  {
    id: uuidKey(),
    userId: text('userId')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    guildId: text('guildId')
      .notNull()
      .references(() => guilds.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    bannedBy: text('bannedBy').notNull(),
    isActive: boolean('isActive').notNull().default(true),
    bannedAt: createdNow('bannedAt'),
    expiresAt: utc('expiresAt'),
    unbannedAt: utc('unbannedAt'),
    unbannedBy: text('unbannedBy'),
    /** A moderator's annotation. */
    note: text('note'),
  },
  (t) => [
    index('BanRecord_userId_idx').on(t.userId),
    index('BanRecord_guildId_idx').on(t.guildId),
    index('BanRecord_isActive_idx').on(t.isActive),
  ],
);

/** A blocked client address (seed: IpBlock); no longer applies after `expiresAt`. */
export const ipBlocks = pgTable(
  'IpBlock',
  {
    id: uuidKey(),
    // The seed's @@index([ipAddress]) is the unique constraint's own index.
    ipAddress: text('ipAddress').notNull().unique('IpBlock_ipAddress_key'),
    reason: text('reason'),
    blockedBy: text('blockedBy').notNull(),
    blockedAt: createdNow('blockedAt'),
    expiresAt: utc('expiresAt'),
  },
  (t) => [index('IpBlock_expiresAt_idx').on(t.expiresAt)],
);
