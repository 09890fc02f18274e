/** Response shapes of the public /api/v1 that the dashboard reads. */

export interface User {
  id: string;
  discordId: string;
  username: string;
  globalName: string | null;
  avatar: string | null;
  role: 'USER' | 'MODERATOR' | 'ADMIN' | 'BANNED';
}

export interface TokensResponse {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export interface Guild {
  id: string;
  name: string;
  icon: string | null;
  memberCount: number | null;
}

export interface WindowJson {
  from: string;
  to: string;
}

export interface Overview {
  guildId: string;
  window: WindowJson;
  membersTracked: number;
  onlineNow: number;
  multiClientNow: number;
  multiClientShareNow: number;
  messageCount: number;
  activeMembers: number;
}

export interface SessionRow {
  id: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  current: boolean;
}

export interface HeatmapResult {
  timeZone: string;
  metric: string;
  items: { dayOfWeek: number; hour: number; count: number }[];
}

export interface ChannelsResult {
  items: { channelId: string; messages: number; authors: number; typing: number }[];
  members: { userId: string; displayName: string; channels: number; messages: number }[];
}

export interface SuspicionFactor {
  name: string;
  weight: number;
  value: number;
  reason: string;
}

export interface MemberSuspicion {
  advisory: string;
  userId: string;
  username: string;
  displayName: string;
  total: number;
  factors: SuspicionFactor[];
}

export interface TimelineEvent {
  kind: string;
  id: string;
  timestamp: string;
  detail: Record<string, unknown>;
  marks: string[];
}

export interface TimelinePage {
  items: TimelineEvent[];
  nextCursor: string | null;
}

export interface MemberListItem {
  userId: string;
  username: string;
  displayName: string;
  status: string;
  platforms: string[];
  joinedAt: string | null;
  leftAt: string | null;
  lastPresenceAt: string | null;
}

export interface MemberProfile {
  member: {
    userId: string;
    username: string;
    globalName: string | null;
    nick: string | null;
    displayName: string;
    isBot: boolean;
    accountCreatedAt: string | null;
    joinedAt: string | null;
    leftAt: string | null;
    status: string;
    platformsNow: string[];
    roles: { id: string; name: string; position: number; permissions: string[] }[];
    platformsSeen: {
      platform: string;
      snapshots: number;
      firstSeenAt: string;
      lastSeenAt: string;
    }[];
    firstSeenAt: string | null;
    lastSeenAt: string | null;
    onlineMinutes: number;
    counts: Record<string, number>;
  };
}

export interface PresencePage {
  items: { id: string; at: string; status: string; platforms: string[] }[];
  nextCursor: string | null;
}
