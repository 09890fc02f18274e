import type { Platform } from '../ingest/ingest-rows.ts';

/** How many rows of each kind one committed batch stored for a guild. */
export interface EventCounts {
  presences: number;
  messages: number;
  typing: number;
  reactions: number;
  joins: number;
  leaves: number;
  /** Role lists that changed (GUILD_MEMBER_UPDATE), not the initial lists. */
  roleUpdates: number;
  bans: number;
  voice: number;
}

export type RecentEventKind =
  | 'presence'
  | 'message'
  | 'typing'
  | 'reaction'
  | 'join'
  | 'leave'
  | 'ban'
  | 'voice';

/** One of the latest events of a batch, enough for a live feed line. */
export interface RecentEvent {
  kind: RecentEventKind;
  userId: string;
  at: string;
  channelId?: string;
  status?: string;
}

/** What the ingest just committed for one guild. */
export interface EventsMessage {
  type: 'events';
  guildId: string;
  at: string;
  counts: EventCounts;
  /** At most {@link RECENT_EVENTS_MAX} of the batch's latest events, oldest first. */
  recent: RecentEvent[];
}

/** A member went from fewer than two platforms to two or more in one presence. */
export interface MultiClientAlert {
  kind: 'multiClient';
  userId: string;
  platforms: Platform[];
  at: string;
}

/** At least `burstSize` joins within `burstMinutes` (PRODUCT.md analytic 10). */
export interface RaidBurstAlert {
  kind: 'raidBurst';
  start: string;
  end: string;
  size: number;
  /** Accounts younger than 7 days at join. */
  youngAccounts: number;
  memberIds: string[];
}

/** A role with a powerful permission was added to a member (PRODUCT.md analytic 6). */
export interface RoleEscalationAlert {
  kind: 'roleEscalation';
  userId: string;
  roleId: string;
  roleName: string;
  permissions: string[];
  actorId: string | null;
  at: string;
}

export type LiveAlert = MultiClientAlert | RaidBurstAlert | RoleEscalationAlert;

export interface AlertMessage {
  type: 'alert';
  guildId: string;
  at: string;
  alert: LiveAlert;
}

/** What travels on the event bus and, as JSON, to WebSocket subscribers of its guild. */
export type LiveEvent = EventsMessage | AlertMessage;

/** Most recent events carried by one `events` message. */
export const RECENT_EVENTS_MAX = 20;
