/**
 * For tests: one MemberTrailingTotal row — $1 guild, $2 user (internal id), $3 anchor, $4
 * coversFrom — with one online desktop snapshot and one message in slot 0, one online desktop
 * snapshot in slot 1.
 */
export const INSERT_TRAILING_TOTAL = `INSERT INTO "MemberTrailingTotal" ("guildId", anchor,
    "coversFrom", "userId", snapshots, "nonOfflineSnapshots", "multiClientSnapshots",
    "multiKeySnapshots", messages, typing, reactions, "desktopHours", "mobileHours", "webHours",
    "embeddedHours", "snapshotsBefore", "nonOfflineSnapshotsBefore", "multiClientSnapshotsBefore",
    "multiKeySnapshotsBefore", "messagesBefore", "typingBefore", "reactionsBefore",
    "desktopHoursBefore", "mobileHoursBefore", "webHoursBefore", "embeddedHoursBefore")
  VALUES ($1, $3, $4, $2, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0)`;

/**
 * For tests: one MemberSuspicionBase row — $1 guild, $2 user (internal id), $3 endsAt, $4
 * coversFrom — the inputs of INSERT_TRAILING_TOTAL's row, scored 3 under scoring 'test'.
 */
export const INSERT_SUSPICION_BASE = `INSERT INTO "MemberSuspicionBase" ("guildId", "endsAt",
    "coversFrom", "userId", scoring, total, "presenceCount", snapshots, "multiClientSnapshots",
    messages, "previousMessages", typing, "previousTyping", reactions, "accountAgeAtJoinMs",
    "gapVariation")
  VALUES ($1, $3, $4, $2, 'test', 3, 1, 1, 0, 1, 0, 0, 0, 0, NULL, NULL)`;

/**
 * For tests: one MemberShiftBase row — $1 guild, $2 user (internal id), $3 endsAt, $4
 * coversFrom — a member seen on desktop now, scored 1 under rules 'test'.
 */
export const INSERT_SHIFT_BASE = `INSERT INTO "MemberShiftBase" ("guildId", "endsAt", "coversFrom",
    "userId", rules, score, "discordId", "messagesBefore", "messagesNow", "typingBefore",
    "typingNow", "platformsBefore", "platformsNow", "latePlatformsBefore", "latePlatformsNow")
  SELECT $1, $3, $4, $2, 'test', 1, u."discordId", 0, 1, 0, 0, 0, 1, 0, 1
  FROM "User" u WHERE u.id = $2`;
