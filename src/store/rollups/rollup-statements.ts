import {
  listedMaskOfSql,
  onlineMaskOfSql,
  platformCountSql,
} from '../queries/analytics/client-platforms-sql.ts';
import { memberTotalStored } from '../queries/analytics/member-totals-sql.ts';

/*
 * The rollup job's statements. $1 and $2 bound the bucket starts `[from, to)` (whole buckets),
 * $3 is the bucket width in hours (1 or 24). Each statement replaces the buckets it covers, so
 * running it again (or after an erasure) gives the same rows.
 */

const bucketSql = (column: string) =>
  `date_bin(make_interval(hours => $3::int), ${column}, timestamptz '2000-01-01 00:00:00+00')`;
const inRange = (column: string) => `${column} >= $1 AND ${column} < $2`;

const presenceFacts = `
  SELECT p."guildId", p."userId", p.timestamp AS ts, ${bucketSql('p.timestamp')} AS bucket,
    p.status <> 'offline' AS online,
    ${onlineMaskOfSql('p.platforms')} AS mask, ${platformCountSql(listedMaskOfSql('p.platforms'))} AS keys,
    lead(p.timestamp) OVER (PARTITION BY p."guildId", p."userId", ${bucketSql('p.timestamp')}
                            ORDER BY p.timestamp) AS next
  FROM "Presence" p WHERE ${inRange('p.timestamp')}`;

const multi = `online AND ${platformCountSql('mask')} >= 2`;

export const deleteRollupBuckets = (table: string) =>
  `DELETE FROM "${table}" WHERE "bucketHours" = $3 AND ${inRange('bucket')}`;

/** Per member and bucket: snapshot counts, platforms, first/last times and inner online time. */
export const INSERT_PRESENCE_ROLLUP = `
  INSERT INTO "PresenceRollup" ("guildId", "bucketHours", bucket, "userId", snapshots,
    "nonOfflineSnapshots", "multiClientSnapshots", "multiKeySnapshots", "platformsMask",
    "firstAt", "lastAt", "lastOnline", "firstOnlineAt", "lastOnlineAt", "firstMultiAt",
    "lastMultiAt", "innerOnlineMicros")
  SELECT "guildId", $3, bucket, "userId", count(*), count(*) FILTER (WHERE online),
    count(*) FILTER (WHERE ${multi}), count(*) FILTER (WHERE keys >= 2),
    COALESCE(bit_or(mask) FILTER (WHERE online), 0), min(ts), max(ts),
    (array_agg(online ORDER BY ts DESC))[1],
    min(ts) FILTER (WHERE online), max(ts) FILTER (WHERE online),
    min(ts) FILTER (WHERE ${multi}), max(ts) FILTER (WHERE ${multi}),
    COALESCE(sum((extract(epoch FROM next - ts) * 1000000)::bigint)
      FILTER (WHERE online AND next IS NOT NULL), 0)
  FROM (${presenceFacts}) f
  GROUP BY "guildId", bucket, "userId"`;

/** Per member, bucket and combination of platforms: multi-client snapshots. */
export const INSERT_PRESENCE_COMBO_ROLLUP = `
  INSERT INTO "PresenceComboRollup" ("guildId", "bucketHours", bucket, "userId", "platformsMask", snapshots)
  SELECT "guildId", $3, bucket, "userId", mask, count(*)
  FROM (${presenceFacts}) f
  WHERE ${multi}
  GROUP BY "guildId", bucket, "userId", mask`;

/** Per member, channel and bucket: messages, typing, reactions and message timing. */
export const INSERT_ACTIVITY_ROLLUP = `
  INSERT INTO "ActivityRollup" ("guildId", "bucketHours", bucket, "userId", "channelId", messages,
    typing, reactions, "firstMessageAt", "lastMessageAt", "messageGaps", "gapSeconds", "gapSquares")
  SELECT "guildId", $3, bucket, "userId", "channelId", sum(m)::int, sum(t)::int, sum(r)::int,
    min(ts), max(ts), count(gap)::int, COALESCE(sum(gap), 0), COALESCE(sum(gap * gap), 0)
  FROM (
    SELECT e."guildId", e."userId", e."channelId", ${bucketSql('e.timestamp')} AS bucket,
      1 AS m, 0 AS t, 0 AS r, e.timestamp AS ts,
      extract(epoch FROM e.timestamp - lag(e.timestamp) OVER (
        PARTITION BY e."guildId", e."userId", ${bucketSql('e.timestamp')} ORDER BY e.timestamp)) AS gap
    FROM "Message" e WHERE ${inRange('e.timestamp')}
    UNION ALL
    SELECT e."guildId", e."userId", e."channelId", ${bucketSql('e.timestamp')}, 0, 1, 0, NULL, NULL
    FROM "TypingEvent" e WHERE ${inRange('e.timestamp')}
    UNION ALL
    SELECT e."guildId", e."userId", e."channelId", ${bucketSql('e.timestamp')}, 0, 0, 1, NULL, NULL
    FROM "ReactionEvent" e WHERE ${inRange('e.timestamp')}
  ) f
  GROUP BY "guildId", bucket, "userId", "channelId"`;

/** The earliest event time of the rolled-up tables (where a first run starts). */
export const GET_EARLIEST_EVENT = `
  SELECT least((SELECT min(timestamp) FROM "Presence"), (SELECT min(timestamp) FROM "Message"),
    (SELECT min(timestamp) FROM "TypingEvent"), (SELECT min(timestamp) FROM "ReactionEvent")) AS at`;

/**
 * The running totals of day $1 (a UTC midnight): the previous day's totals plus the day's
 * hourly rollups up to $2 (the day's end, or how far this run rolls). Replaces the day's rows,
 * written in key order so a day's rows lie together in the table as in its index.
 * `interval '24 hours'`, not '1 day', which would follow the session's time zone.
 */
export const DELETE_MEMBER_DAY_TOTALS = `DELETE FROM "MemberDayTotal" WHERE day = $1`;
export const INSERT_MEMBER_DAY_TOTALS = `
  INSERT INTO "MemberDayTotal" ("guildId", day, "userId", snapshots, "nonOfflineSnapshots",
    "multiClientSnapshots", "multiKeySnapshots", messages, typing, reactions, "desktopHours",
    "mobileHours", "webHours", "embeddedHours")
  SELECT "guildId", $1, "userId", sum(s)::int, sum(o)::int, sum(mc)::int, sum(mk)::int,
    sum(m)::int, sum(t)::int, sum(r)::int, sum(pd)::int, sum(pm)::int, sum(pw)::int, sum(pe)::int
  FROM (
    SELECT "guildId", "userId", snapshots AS s, "nonOfflineSnapshots" AS o,
      "multiClientSnapshots" AS mc, "multiKeySnapshots" AS mk, messages AS m, typing AS t,
      reactions AS r, "desktopHours" AS pd, "mobileHours" AS pm, "webHours" AS pw,
      "embeddedHours" AS pe
    FROM "MemberDayTotal" WHERE day = $1::timestamptz - interval '24 hours'
    UNION ALL
    SELECT "guildId", "userId", snapshots, "nonOfflineSnapshots", "multiClientSnapshots",
      "multiKeySnapshots", 0, 0, 0, "platformsMask" & 1, ("platformsMask" >> 1) & 1,
      ("platformsMask" >> 2) & 1, ("platformsMask" >> 3) & 1
    FROM "PresenceRollup" WHERE "bucketHours" = 1 AND bucket >= $1 AND bucket < $2
    UNION ALL
    SELECT "guildId", "userId", 0, 0, 0, 0, messages, typing, reactions, 0, 0, 0, 0
    FROM "ActivityRollup" WHERE "bucketHours" = 1 AND bucket >= $1 AND bucket < $2
  ) x
  GROUP BY "guildId", "userId"
  ORDER BY "guildId", "userId"`;

const memberDayTotalCounts = Object.values(memberTotalStored).map((c) => `"${c}"`);

/**
 * {@link INSERT_MEMBER_DAY_TOTALS} for a day that may have rows already (the hourly runs
 * bring the current day's rows up to the watermark): rows that did not change — the members
 * with nothing new since the last run, most of them — are left alone instead of being
 * deleted and written again, so the day read by every "last 7 days" window does not collect
 * a dead copy of each row per run (ten runs slowed that read by 10% on the benchmark
 * dataset). No row of the day needs deleting: a day's members are those of the day before
 * plus the active ones, a set that only grows between runs (erasure deletes a member's rows
 * of every day, under the rollup lock).
 */
export const UPSERT_MEMBER_DAY_TOTALS = `${INSERT_MEMBER_DAY_TOTALS}
  ON CONFLICT ("guildId", day, "userId") DO UPDATE SET
    ${memberDayTotalCounts.map((c) => `${c} = excluded.${c}`).join(', ')}
  WHERE (${memberDayTotalCounts.map((c) => `"MemberDayTotal".${c}`).join(', ')})
    IS DISTINCT FROM (${memberDayTotalCounts.map((c) => `excluded.${c}`).join(', ')})`;

/** The quarter-hour of `column` (UTC). */
export const quarterSql = (column: string) =>
  `date_bin('15 minutes', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/**
 * The events each GuildQuarterCount kind counts, as a relation of "guildId", "userId" and
 * timestamp, for the rollup job and for member erasure alike.
 */
export const guildCountSources = {
  messages: { table: 'Message', where: 'true' },
  typing: { table: 'TypingEvent', where: 'true' },
  presence: { table: 'Presence', where: `status <> 'offline'` },
} as const;

/** Replaces the guild quarter-hour counts of quarters starting in `[$1, $2)`. */
export const DELETE_GUILD_QUARTER_COUNTS = `DELETE FROM "GuildQuarterCount" WHERE ${inRange('bucket')}`;
export const INSERT_GUILD_QUARTER_COUNTS = `
  INSERT INTO "GuildQuarterCount" ("guildId", kind, bucket, count)
  ${Object.entries(guildCountSources)
    .map(
      ([kind, source]) => `SELECT "guildId", '${kind}', ${quarterSql('timestamp')}, count(*)::int
  FROM "${source.table}" WHERE ${inRange('timestamp')} AND ${source.where}
  GROUP BY 1, 3`,
    )
    .join('\n  UNION ALL\n  ')}`;

export const hourSql = (column: string) =>
  `date_bin('1 hour', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/** The events each ChannelHourCount kind counts (GuildQuarterCount's, which carry a channel). */
export const channelCountSources = {
  messages: guildCountSources.messages,
  typing: guildCountSources.typing,
} as const;

/**
 * Replaces the channels' hourly counts of hours starting in `[$1, $2)` (whole hours: the
 * guild counts' ranges are), written in key order so a guild's hours lie together.
 */
export const DELETE_CHANNEL_HOUR_COUNTS = `DELETE FROM "ChannelHourCount" WHERE ${inRange('bucket')}`;
export const INSERT_CHANNEL_HOUR_COUNTS = `
  INSERT INTO "ChannelHourCount" ("guildId", kind, bucket, "channelId", count)
  SELECT * FROM (
  ${Object.entries(channelCountSources)
    .map(
      ([
        kind,
        source,
      ]) => `SELECT "guildId", '${kind}' AS kind, ${hourSql('timestamp')} AS bucket, "channelId",
    count(*)::int AS count
  FROM "${source.table}" WHERE ${inRange('timestamp')} AND ${source.where}
  GROUP BY 1, 3, 4`,
    )
    .join('\n  UNION ALL\n  ')}) c
  ORDER BY 1, 2, 3, 4`;

/**
 * Each member's latest message per channel among the messages of `[$1, $2)`, merged into
 * ChannelAuthor: a pair's time only moves forward, so counting the same hours again (the
 * redone hour, a second process) writes nothing new.
 */
export const UPSERT_CHANNEL_AUTHORS = `
  INSERT INTO "ChannelAuthor" ("guildId", "channelId", "userId", "lastMessageAt")
  SELECT "guildId", "channelId", "userId", max(timestamp)
  FROM "Message" WHERE ${inRange('timestamp')}
  GROUP BY 1, 2, 3
  ON CONFLICT ("guildId", "channelId", "userId") DO UPDATE
    SET "lastMessageAt" = excluded."lastMessageAt"
    WHERE "ChannelAuthor"."lastMessageAt" < excluded."lastMessageAt"`;

/** The earliest stored message (where the channels' authors start). */
export const GET_EARLIEST_MESSAGE = `SELECT min(timestamp) AS at FROM "Message"`;
