/**
 * Upper bounds on gateway payloads, well above Discord's own limits: a payload past one is not
 * something Discord sends, so it is rejected as invalid rather than stored. Discord's limit is
 * noted beside each.
 */
export const payloadLimits = {
  /** Usernames and display names: Discord allows 32. */
  userNameChars: 100,
  /** The legacy discriminator: "0" or four digits. */
  discriminatorChars: 8,
  /** Image hashes (avatar, icon): 32 hex characters, plus an `a_` prefix when animated. */
  imageHashChars: 100,
  /** Guild nicknames: Discord allows 32. */
  nickChars: 100,
  /** Guild names: Discord allows 100. */
  guildNameChars: 200,
  /** Role names: Discord allows 100. */
  roleNameChars: 200,
  /** A permission bitfield as a decimal string: 53 bits in use today, 64 at most. */
  permissionDigits: 40,
  /** Roles in a guild or on one member: Discord allows 250 per guild. */
  roles: 1_000,
  /** Members or presences listed in one GUILD_CREATE or GUILD_MEMBERS_CHUNK. */
  members: 1_000_000,
  /** Message content: 2,000 characters, 4,000 with Nitro. */
  contentChars: 8_000,
  /** Attachments on one message: Discord allows 10. */
  attachments: 100,
  /** An attachment's file name. */
  filenameChars: 1_024,
  /** An attachment's media type. */
  contentTypeChars: 255,
  /** Message ids in one MESSAGE_DELETE_BULK: Discord deletes at most 100 at once. */
  bulkDeleteIds: 1_000,
  /** Activities on one presence: a client rarely shows more than a handful. */
  activities: 100,
  /** An activity's name: Discord allows 128. */
  activityNameChars: 256,
  /** An activity's details line, before it is cut to `activityDetailsKeptChars`: Discord allows 128. */
  activityDetailsChars: 4_096,
  /** What is kept of an activity's details line (PRODUCT.md: activities kept minimal). */
  activityDetailsKeptChars: 128,
  /** Activities kept per presence snapshot. */
  activitiesKept: 10,
  /** An emoji's name: custom names are at most 32, a unicode emoji a few code points. */
  emojiNameChars: 256,
  /** An audit log entry's reason: Discord allows 512. */
  auditReasonChars: 1_024,
  /** Changes in one audit log entry. */
  auditChanges: 1_000,
  /** An audit log change key (`$add`, `nick`, …). */
  auditChangeKeyChars: 100,
  /** ISO 8601 timestamps: `2024-01-01T00:00:00.000000+00:00` is 32 characters. */
  timestampChars: 64,
} as const;
