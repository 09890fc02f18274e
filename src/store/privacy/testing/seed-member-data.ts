import type { Queryable } from '../../database.ts';
import {
  INSERT_SHIFT_BASE,
  INSERT_SUSPICION_BASE,
  INSERT_TRAILING_TOTAL,
} from '../../rollups/testing/insert-trailing-total.ts';

/** Two members, two guilds; ids chosen so each is easy to grep for in a row's text. */
export const seedIds = {
  guildA: '910000000000000001',
  guildB: '910000000000000002',
  channel: '920000000000000001',
  role: '930000000000000001',
};

/** Inserts a user (or finds the one who logged in); returns the internal id. */
const insertUser = async (db: Queryable, discordId: string, guildId: string): Promise<string> => {
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO "User" ("discordId", username, discriminator, "guildId")
     VALUES ($1, $2, '0', $3)
     ON CONFLICT ("discordId") DO UPDATE SET "guildId" = EXCLUDED."guildId" RETURNING id`,
    [discordId, `user${discordId.slice(-4)}`, guildId],
  );
  if (!user) throw new Error('no user');
  return user.id;
};

/**
 * A row of every kind the store can hold about `discordId` in `guildId`: as the subject of
 * events, as the actor on `otherDiscordId`, as a dashboard user with a session and a key, and
 * in audit rows. The erase and export tests run against it.
 */
export const seedMemberData = async (
  db: Queryable,
  options: {
    discordId: string;
    otherDiscordId: string;
    guildId: string;
    at: Date;
    /** Also the dashboard rows (session, key, audit): once per member. */
    account?: boolean;
  },
): Promise<{ userId: string; otherUserId: string }> => {
  const { discordId, otherDiscordId, guildId } = options;
  const at = options.at.toISOString();
  await db.query(
    `INSERT INTO "Guild" (id, name, "ownerId") VALUES ($1, 'Guild', $2)
     ON CONFLICT (id) DO UPDATE SET "ownerId" = EXCLUDED."ownerId"`,
    [guildId, discordId],
  );
  const userId = await insertUser(db, discordId, guildId);
  const existing = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE "discordId" = $1`, [
    otherDiscordId,
  ]);
  const otherUserId = existing[0]?.id ?? (await insertUser(db, otherDiscordId, guildId));
  const statements: [string, unknown[]][] = [
    [
      `INSERT INTO "GuildMember" ("guildId", "userId", status) VALUES ($1, $2, 'online'), ($1, $3, 'idle')
       ON CONFLICT DO NOTHING`,
      [guildId, userId, otherUserId],
    ],
    [
      `INSERT INTO "Presence" ("guildId", "userId", status, timestamp) VALUES ($1, $2, 'online', $4), ($1, $3, 'idle', $4)`,
      [guildId, userId, otherUserId, at],
    ],
    [
      `INSERT INTO "Message" (id, "guildId", "userId", "channelId", length, timestamp)
       VALUES ($2 || $1, $1, $2, $4, 3, $5), (md5($1 || $2 || $3), $1, $3, $4, 4, $5)`,
      [guildId, userId, otherUserId, seedIds.channel, at],
    ],
    [
      `INSERT INTO "RoleChange" ("guildId", "userId", "roleId", action, "actorId", timestamp)
       VALUES ($1, $2, $4, 'added', NULL, $6), ($1, $3, $4, 'added', $5, $6)`,
      [guildId, userId, otherUserId, seedIds.role, discordId, at],
    ],
    [
      `INSERT INTO "TypingEvent" ("guildId", "channelId", "userId", timestamp) VALUES ($1, $4, $2, $5), ($1, $4, $3, $5)`,
      [guildId, userId, otherUserId, seedIds.channel, at],
    ],
    [
      `INSERT INTO "ReactionEvent" ("guildId", "channelId", "messageId", "userId", emoji, action, timestamp)
       VALUES ($1, $4, '1', $2, 'x', 'added', $5), ($1, $4, '1', $3, 'x', 'added', $5)`,
      [guildId, userId, otherUserId, seedIds.channel, at],
    ],
    [
      `INSERT INTO "MemberEvent" ("guildId", "userId", type, "accountCreatedAt", timestamp)
       VALUES ($1, $2, 'join', $4, $4), ($1, $3, 'join', $4, $4)`,
      [guildId, userId, otherUserId, at],
    ],
    [
      `INSERT INTO "VoiceSession" ("guildId", "userId", "channelId", "joinedAt") VALUES ($1, $2, $4, $5), ($1, $3, $4, $5)`,
      [guildId, userId, otherUserId, seedIds.channel, at],
    ],
    [
      // One sample with the member typing, one with the member as the author answered.
      `INSERT INTO "ReactionLatency" ("guildId", "channelId", "userId", "targetUserId", "messageId", "latencyMs", timestamp)
       VALUES ($1, $4, $2, $3, '1', 900, $5), ($1, $4, $3, $2, '2', 800, $5), ($1, $4, $3, $3, '3', 700, $5)`,
      [guildId, userId, otherUserId, seedIds.channel, at],
    ],
    [
      `INSERT INTO "BanRecord" ("guildId", "userId", "bannedBy", "bannedAt") VALUES ($1, $2, 'unknown', $5), ($1, $3, $4, $5)`,
      [guildId, userId, otherUserId, discordId, at],
    ],
    [
      `INSERT INTO "ManagedGuild" ("userId", "guildId", owner, permissions) VALUES ($1, $2, true, '8')`,
      [userId, guildId],
    ],
    ...rollupStatements(guildId, userId, at),
  ];
  for (const [text, params] of statements) await db.query(text, params);
  if (options.account !== false) {
    await seedAccountRows(db, { userId, otherUserId, discordId, guildId, at });
  }
  return { userId, otherUserId };
};

/** The member as a dashboard user: session, refresh token, API key and quota, audit rows. */
const seedAccountRows = async (
  db: Queryable,
  o: { userId: string; otherUserId: string; discordId: string; guildId: string; at: string },
): Promise<void> => {
  const suffix = o.userId.slice(0, 8);
  const [session] = await db.query<{ id: string }>(
    `INSERT INTO "Session" ("userId", token, "expiresAt") VALUES ($1, $2, $3::timestamptz + interval '1 day') RETURNING id`,
    [o.userId, `sid-${suffix}`, o.at],
  );
  await db.query(
    `INSERT INTO "RefreshToken" ("userId", token, "sessionId", "familyId", "expiresAt")
     VALUES ($1, $2, $3, 'family', $4::timestamptz + interval '1 day')`,
    [o.userId, `refresh-hash-${suffix}`, session?.id, o.at],
  );
  const [key] = await db.query<{ id: string }>(
    `INSERT INTO "ApiKey" ("userId", key, prefix, quota) VALUES ($1, $2, 'spw_ab', '{}') RETURNING id`,
    [o.userId, `key-hash-${suffix}`],
  );
  await db.query(`INSERT INTO "QuotaUsage" ("apiKeyId", endpoint) VALUES ($1, 'analytics')`, [
    key?.id,
  ]);
  await db.query(
    `INSERT INTO "AuditLog" ("userId", action, timestamp) VALUES ($1, 'auth.login', $2::timestamptz)`,
    [o.userId, o.at],
  );
  await db.query(
    `INSERT INTO "AuditLog" ("userId", action, "guildId", resource, "resourceId", details, timestamp)
     VALUES ($1, 'member.note', $2, 'member', $3, $4::jsonb, $5::timestamptz)`,
    [o.otherUserId, o.guildId, o.discordId, JSON.stringify({ about: o.discordId }), o.at],
  );
  await db.query(
    `INSERT INTO "AuditLogArchive" (id, "userId", action, timestamp) VALUES ($1, $2, 'auth.login', $3::timestamptz)`,
    [`archived-${suffix}`, o.userId, o.at],
  );
  await db.query(
    `INSERT INTO "IpBlock" ("ipAddress", "blockedBy") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [`192.0.2.${o.discordId.slice(-2)}`, o.discordId],
  );
};

/** The rollup job's rows for the member: one hourly bucket of each rollup table. */
const rollupStatements = (guildId: string, userId: string, at: string): [string, unknown[]][] => [
  [
    `INSERT INTO "PresenceRollup" ("guildId", "bucketHours", bucket, "userId", snapshots,
       "nonOfflineSnapshots", "multiClientSnapshots", "multiKeySnapshots", "platformsMask",
       "firstAt", "lastAt", "lastOnline", "innerOnlineMicros")
     VALUES ($1, 1, date_trunc('hour', $3::timestamptz), $2, 1, 1, 0, 0, 1, $3, $3, true, 0)`,
    [guildId, userId, at],
  ],
  [
    `INSERT INTO "PresenceComboRollup" ("guildId", "bucketHours", bucket, "userId", "platformsMask", snapshots)
     VALUES ($1, 1, date_trunc('hour', $3::timestamptz), $2, 3, 1)`,
    [guildId, userId, at],
  ],
  [
    `INSERT INTO "ActivityRollup" ("guildId", "bucketHours", bucket, "userId", "channelId", messages,
       typing, reactions, "messageGaps", "gapSeconds", "gapSquares")
     VALUES ($1, 1, date_trunc('hour', $3::timestamptz), $2, $4, 1, 1, 1, 0, 0, 0)`,
    [guildId, userId, at, seedIds.channel],
  ],
  [
    `INSERT INTO "ChannelAuthor" ("guildId", "channelId", "userId", "lastMessageAt")
     VALUES ($1, $4, $2, $3)`,
    [guildId, userId, at, seedIds.channel],
  ],
  [
    `INSERT INTO "MemberDayTotal" ("guildId", day, "userId", snapshots, "nonOfflineSnapshots",
       "multiClientSnapshots", "multiKeySnapshots", messages, typing, reactions)
     VALUES ($1, date_bin('1 day', $3::timestamptz, timestamptz '2000-01-01 00:00:00+00'), $2,
       1, 1, 0, 0, 1, 1, 1)`,
    [guildId, userId, at],
  ],
  ...[INSERT_TRAILING_TOTAL, INSERT_SUSPICION_BASE, INSERT_SHIFT_BASE].map(
    (insert): [string, unknown[]] => [
      insert,
      [
        guildId,
        userId,
        new Date(Math.floor(Date.parse(at) / 3_600_000) * 3_600_000),
        new Date(Math.floor(Date.parse(at) / 3_600_000) * 3_600_000 - 14 * 86_400_000),
      ],
    ],
  ),
  // Guild-level counts (no member column): a guild purge removes them, erasure subtracts.
  [
    `INSERT INTO "GuildQuarterCount" ("guildId", kind, bucket, count)
     SELECT $1, kind, date_bin('15 minutes', $2::timestamptz, timestamptz '2000-01-01 00:00:00+00'), 1
     FROM unnest(ARRAY['messages', 'typing', 'presence']) AS kind
     ON CONFLICT ("guildId", kind, bucket) DO UPDATE SET count = "GuildQuarterCount".count + 1`,
    [guildId, at],
  ],
  [
    `INSERT INTO "ChannelHourCount" ("guildId", kind, bucket, "channelId", count)
     SELECT $1, kind, date_bin('1 hour', $2::timestamptz, timestamptz '2000-01-01 00:00:00+00'), $3, 1
     FROM unnest(ARRAY['messages', 'typing']) AS kind
     ON CONFLICT ("guildId", kind, bucket, "channelId")
       DO UPDATE SET count = "ChannelHourCount".count + 1`,
    [guildId, at, seedIds.channel],
  ],
];
