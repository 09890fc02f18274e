/** What the live socket sends (`/api/v1/guilds/:guildId/live`). */
export type LiveMessage =
  | { type: 'ready'; guildId: string; heartbeatIntervalMs: number }
  | {
      type: 'events';
      guildId: string;
      at: string;
      counts: Record<string, number>;
      recent: LiveItem[];
    }
  | { type: 'alert'; guildId: string; at: string; alert: LiveAlert }
  | { type: 'pong'; at: string }
  | { type: 'error'; error: { code: string; message: string } };

export interface LiveItem {
  kind: string;
  userId: string;
  at: string;
  channelId?: string;
  status?: string;
}

export type LiveAlert =
  | { kind: 'multiClient'; userId: string; platforms: string[]; at: string }
  | { kind: 'raidBurst'; start: string; end: string; size: number; youngAccounts: number }
  | { kind: 'roleEscalation'; userId: string; roleName: string; permissions: string[]; at: string };

/** What the pages show of the stream: totals since the page opened, recent items and alerts. */
export interface LiveState {
  connection: 'connecting' | 'open' | 'closed' | 'unavailable';
  totals: Record<string, number>;
  recent: LiveItem[];
  alerts: (LiveAlert & { receivedAt: string })[];
}

export const initialLiveState: LiveState = {
  connection: 'connecting',
  totals: {},
  recent: [],
  alerts: [],
};

/** How many recent items and alerts a page keeps. */
export const LIVE_KEEP = 30;

/** The next state after a message: totals add up, newest items first, bounded lists. */
export const reduceLive = (state: LiveState, message: LiveMessage): LiveState => {
  switch (message.type) {
    case 'ready':
      return { ...state, connection: 'open' };
    case 'events': {
      const totals = { ...state.totals };
      for (const [kind, count] of Object.entries(message.counts)) {
        totals[kind] = (totals[kind] ?? 0) + count;
      }
      const recent = [...[...message.recent].reverse(), ...state.recent].slice(0, LIVE_KEEP);
      return { ...state, totals, recent };
    }
    case 'alert':
      return {
        ...state,
        alerts: [{ ...message.alert, receivedAt: message.at }, ...state.alerts].slice(0, LIVE_KEEP),
      };
    default:
      return state;
  }
};

/** Parses a socket frame; anything unknown is ignored rather than trusted. */
export const parseLiveMessage = (data: unknown): LiveMessage | undefined => {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null || !('type' in parsed)) return undefined;
    const { type } = parsed as { type: unknown };
    if (type === 'events') {
      const events = parsed as { counts?: unknown; recent?: unknown };
      if (typeof events.counts !== 'object' || !Array.isArray(events.recent)) return undefined;
    }
    return ['ready', 'events', 'alert', 'pong', 'error'].includes(String(type))
      ? (parsed as LiveMessage)
      : undefined;
  } catch {
    return undefined;
  }
};
