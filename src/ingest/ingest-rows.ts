/**
 * What the normalizers make of gateway dispatches: plain rows keyed by Discord ids (never our
 * own uuids), in the order received. The batch writer turns them into SQL.
 */

/** A user as seen in a payload; `null` fields were not in the payload (a partial user). */
export interface UserRow {
  discordId: string;
  username: string | null;
  discriminator: string | null;
  globalName: string | null;
  avatar: string | null;
  isBot: boolean | null;
}

export interface GuildRow {
  id: string;
  name: string;
  icon: string | null;
  ownerId: string | null;
  memberCount: number | null;
}

export interface RoleRow {
  id: string;
  guildId: string;
  name: string;
  /** The permission bitfield as Discord sends it: a decimal string. */
  permissions: string;
  position: number;
  managed: boolean;
}

export interface RoleDeleteRow {
  id: string;
  guildId: string;
  at: Date;
}

/** Membership facts; `undefined` means "not in this payload, keep what is stored". */
export interface MemberRow {
  guildId: string;
  userDiscordId: string;
  nick?: string | null;
  joinedAt?: Date | null;
  /** Set when the member left (GUILD_MEMBER_REMOVE); `null` when they are (back) in. */
  leftAt?: Date | null;
}

/** A member's full role list at `timestamp`; the writer diffs it against the stored list. */
export interface MemberRolesRow {
  guildId: string;
  userDiscordId: string;
  roleIds: string[];
  timestamp: Date;
  /** True for the GUILD_CREATE snapshot: it sets the baseline and records no RoleChange. */
  baseline: boolean;
}

export type PresenceStatus = 'online' | 'idle' | 'dnd' | 'offline';
export type Platform = 'desktop' | 'mobile' | 'web' | 'embedded';

export interface ActivityRow {
  type: number;
  name: string;
  /** Kept minimal: the details line only, truncated. */
  details?: string;
}

export interface PresenceRow {
  guildId: string;
  userDiscordId: string;
  status: PresenceStatus;
  /** Only platforms that are not offline. */
  clientStatus: Partial<Record<Platform, Exclude<PresenceStatus, 'offline'>>>;
  activities: ActivityRow[];
  timestamp: Date;
}

export interface AttachmentRow {
  id: string;
  filename: string;
  size: number;
  contentType: string | null;
}

export interface MessageRow {
  id: string;
  guildId: string;
  channelId: string;
  userDiscordId: string;
  /** `null` unless the guild enabled content capture. */
  content: string | null;
  length: number;
  attachments: AttachmentRow[];
  timestamp: Date;
}

export interface MessageEditRow {
  id: string;
  guildId: string;
  editedAt: Date;
  /** Present only when the payload carried content; `null` content when capture is off. */
  content?: string | null;
  length?: number;
}

export interface MessageDeleteRow {
  id: string;
  guildId: string;
  deletedAt: Date;
}

export interface TypingRow {
  guildId: string;
  channelId: string;
  userDiscordId: string;
  timestamp: Date;
}

export interface ReactionRow {
  guildId: string;
  channelId: string;
  messageId: string;
  userDiscordId: string;
  /** A unicode emoji, or `name:id` for a custom one. */
  emoji: string;
  action: 'added' | 'removed';
  timestamp: Date;
}

export interface MemberEventRow {
  guildId: string;
  userDiscordId: string;
  type: 'join' | 'leave';
  /** From the user id's snowflake. */
  accountCreatedAt: Date;
  timestamp: Date;
}

export interface BanRow {
  guildId: string;
  userDiscordId: string;
  action: 'ban' | 'unban';
  timestamp: Date;
}

/** A member's voice state: `channelId` null means they left voice. */
export interface VoiceStateRow {
  guildId: string;
  userDiscordId: string;
  channelId: string | null;
  timestamp: Date;
}

/** Who did it, from GUILD_AUDIT_LOG_ENTRY_CREATE, to fill RoleChange.actorId or BanRecord. */
export interface AuditActorRow {
  guildId: string;
  kind: 'role' | 'ban' | 'unban';
  targetDiscordId: string;
  actorDiscordId: string;
  /** For `role`: the roles added or removed by this entry. */
  roleIds: string[];
  reason: string | null;
  timestamp: Date;
}

export interface LatencyRow {
  guildId: string;
  channelId: string;
  /** B: the member who started typing. */
  userDiscordId: string;
  /** A: the author of the message B reacted to. */
  targetDiscordId: string;
  messageId: string;
  latencyMs: number;
  timestamp: Date;
}

/** The bot left or was removed from a guild (GUILD_DELETE without `unavailable`). */
export interface GuildLeaveRow {
  guildId: string;
  at: Date;
}

/** Every kind of row, each list in the order received. */
export interface IngestRows {
  guilds: GuildRow[];
  guildLeaves: GuildLeaveRow[];
  roles: RoleRow[];
  roleDeletes: RoleDeleteRow[];
  users: UserRow[];
  members: MemberRow[];
  memberRoles: MemberRolesRow[];
  presences: PresenceRow[];
  messages: MessageRow[];
  messageEdits: MessageEditRow[];
  messageDeletes: MessageDeleteRow[];
  typing: TypingRow[];
  reactions: ReactionRow[];
  memberEvents: MemberEventRow[];
  bans: BanRow[];
  voiceStates: VoiceStateRow[];
  auditActors: AuditActorRow[];
  latencies: LatencyRow[];
}

/** An empty set of rows. */
export const emptyIngestRows = (): IngestRows => ({
  guilds: [],
  guildLeaves: [],
  roles: [],
  roleDeletes: [],
  users: [],
  members: [],
  memberRoles: [],
  presences: [],
  messages: [],
  messageEdits: [],
  messageDeletes: [],
  typing: [],
  reactions: [],
  memberEvents: [],
  bans: [],
  voiceStates: [],
  auditActors: [],
  latencies: [],
});

/** Appends `more` to `into`, kind by kind, keeping order. */
export const appendIngestRows = (into: IngestRows, more: Partial<IngestRows>): void => {
  for (const key of Object.keys(more) as (keyof IngestRows)[]) {
    const rows = more[key];
    if (rows) (into[key] as unknown[]).push(...rows);
  }
};
