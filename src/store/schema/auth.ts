import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { createdNow, utc, uuidKey } from './columns.ts';
import { users } from './user.ts';

const ownerRef = () =>
  text('userId')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const apiKeyTiers = ['FREE', 'PRO', 'ENTERPRISE'] as const;
export type ApiKeyTier = (typeof apiKeyTiers)[number];

/** A dashboard login (seed: Session); `token` is the access tokens' session id (JWT `sid`). */
export const sessions = pgTable(
  'Session',
  {
    id: uuidKey(),
    userId: ownerRef(),
    token: text('token').notNull().unique('Session_token_key'),
    ipAddress: text('ipAddress'),
    userAgent: text('userAgent'),
    expiresAt: utc('expiresAt').notNull(),
    createdAt: createdNow(),
    lastUsedAt: utc('lastUsedAt'),
    revokedAt: utc('revokedAt'),
  },
  // The seed's @@index([token]) is the unique constraint's own index.
  (t) => [index('Session_userId_idx').on(t.userId), index('Session_expiresAt_idx').on(t.expiresAt)],
);

/**
 * An opaque refresh token, stored as its SHA-256 (seed: RefreshToken). Every rotation stays
 * in one `familyId`; presenting a rotated token again revokes the family.
 */
export const refreshTokens = pgTable(
  'RefreshToken',
  {
    id: uuidKey(),
    userId: ownerRef(),
    token: text('token').notNull().unique('RefreshToken_token_key'),
    sessionId: text('sessionId').references(() => sessions.id, { onDelete: 'cascade' }),
    familyId: text('familyId').notNull(),
    expiresAt: utc('expiresAt').notNull(),
    createdAt: createdNow(),
    rotatedAt: utc('rotatedAt'),
    revokedAt: utc('revokedAt'),
  },
  (t) => [
    index('RefreshToken_userId_idx').on(t.userId),
    index('RefreshToken_familyId_idx').on(t.familyId),
  ],
);

/** An API key, stored as its SHA-256 only (seed: ApiKey). */
export const apiKeys = pgTable(
  'ApiKey',
  {
    id: uuidKey(),
    key: text('key').notNull().unique('ApiKey_key_key'),
    /** The first characters of the plaintext (`spw_ab12…`), so owners can recognise a key. */
    prefix: text('prefix').notNull().default(''),
    userId: ownerRef(),
    name: text('name'),
    tier: text('tier').$type<ApiKeyTier>().notNull().default('FREE'),
    quota: jsonb('quota').notNull(),
    isActive: boolean('isActive').notNull().default(true),
    createdAt: createdNow(),
    expiresAt: utc('expiresAt'),
    lastUsedAt: utc('lastUsedAt'),
  },
  (t) => [
    index('ApiKey_userId_idx').on(t.userId),
    index('ApiKey_isActive_idx').on(t.isActive),
    check('ApiKey_tier_check', sql`${t.tier} IN ('FREE', 'PRO', 'ENTERPRISE')`),
  ],
);

/** Requests per key, endpoint group and UTC day (seed: QuotaUsage). */
export const quotaUsage = pgTable(
  'QuotaUsage',
  {
    id: uuidKey(),
    apiKeyId: text('apiKeyId')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    count: integer('count').notNull().default(1),
    date: date('date', { mode: 'string' }).notNull().default(sql`CURRENT_DATE`),
  },
  (t) => [
    unique('QuotaUsage_apiKeyId_endpoint_date_key').on(t.apiKeyId, t.endpoint, t.date),
    index('QuotaUsage_apiKeyId_date_idx').on(t.apiKeyId, t.date),
    index('QuotaUsage_date_idx').on(t.date),
  ],
);

/**
 * The guilds a dashboard user may manage according to Discord's OAuth guild list (owner,
 * Administrator or Manage Server), replaced at each login. Only manageable guilds are kept,
 * not the user's whole guild list: nothing more about them is needed. No foreign key to
 * Guild: the bot may join a guild after its admin logged in.
 */
export const managedGuilds = pgTable(
  'ManagedGuild',
  {
    userId: ownerRef(),
    guildId: text('guildId').notNull(),
    owner: boolean('owner').notNull().default(false),
    /** Discord's permission bits for the user in the guild, as a decimal string. */
    permissions: text('permissions').notNull(),
    refreshedAt: utc('refreshedAt').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.guildId] }),
    index('ManagedGuild_guildId_idx').on(t.guildId),
  ],
);
