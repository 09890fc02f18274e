import type { IngestRows } from '../ingest/ingest-rows.ts';
import type { RaidBurstAlert } from './live-event.ts';

/** PRODUCT.md analytic 10: at least `size` joins within `minutes`. */
export interface RaidRule {
  size: number;
  minutes: number;
}

export const raidRuleDefaults: RaidRule = { size: 10, minutes: 5 };

const YOUNG_ACCOUNT_MS = 7 * 86_400_000;
/** Joins kept per guild at most; a raid larger than this is still one alert. */
const MAX_TRACKED_JOINS = 10_000;

interface Join {
  atMs: number;
  userId: string;
  young: boolean;
}

/** Per guild: the joins of the last `minutes`, and the end of the last qualifying span. */
export type RaidState = Map<string, { joins: Join[]; lastQualifyingMs: number | null }>;

/**
 * Alerts when a guild's joins reach `size` within `minutes`, as the joins analytic counts
 * a burst: a join qualifies when `size` joins (itself included) fall in the `minutes` up to
 * it, and qualifying joins within `minutes` of each other belong to one burst, so one raid
 * alerts once, when it reaches `size`. Joins must come in time order per guild (they do:
 * the gateway delivers them so).
 */
export const detectRaidBursts = (
  state: RaidState,
  memberEvents: IngestRows['memberEvents'],
  rule: RaidRule = raidRuleDefaults,
): { guildId: string; alert: RaidBurstAlert }[] => {
  const alerts: { guildId: string; alert: RaidBurstAlert }[] = [];
  const spanMs = rule.minutes * 60_000;
  for (const event of memberEvents) {
    if (event.type !== 'join') continue;
    const atMs = event.timestamp.getTime();
    let guild = state.get(event.guildId);
    if (!guild) {
      guild = { joins: [], lastQualifyingMs: null };
      state.set(event.guildId, guild);
    }
    guild.joins.push({
      atMs,
      userId: event.userDiscordId,
      young: atMs - event.accountCreatedAt.getTime() < YOUNG_ACCOUNT_MS,
    });
    const firstInSpan = guild.joins.findIndex((join) => join.atMs >= atMs - spanMs);
    guild.joins.splice(0, Math.max(firstInSpan, guild.joins.length - MAX_TRACKED_JOINS));
    if (guild.joins.length < rule.size) continue;
    const sameBurst = guild.lastQualifyingMs !== null && atMs - guild.lastQualifyingMs <= spanMs;
    guild.lastQualifyingMs = atMs;
    if (sameBurst) continue;
    const first = guild.joins[0];
    alerts.push({
      guildId: event.guildId,
      alert: {
        kind: 'raidBurst',
        start: new Date(first?.atMs ?? atMs).toISOString(),
        end: event.timestamp.toISOString(),
        size: guild.joins.length,
        youngAccounts: guild.joins.filter((join) => join.young).length,
        memberIds: guild.joins.map((join) => join.userId),
      },
    });
  }
  return alerts;
};
