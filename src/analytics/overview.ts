import type { Queryable } from '../store/database.ts';
import { getOverviewCounts } from '../store/queries/analytics/get-overview-counts.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toMultiClientShare } from './multi-client-share.ts';
import { toWindowJson } from './to-window-json.ts';

export interface Overview {
  guildId: string;
  window: { from: string; to: string };
  /** Members currently in the guild (not left), opted-out members excluded. */
  membersTracked: number;
  /** Of those, members whose current status is not offline. */
  onlineNow: number;
  /** Of those online, members on two or more platforms now. */
  multiClientNow: number;
  /** `multiClientNow / onlineNow`, 0–1; 0 when nobody is online. */
  multiClientShareNow: number;
  /** Messages sent in the window (including those deleted since). */
  messageCount: number;
  /** Members with at least one message, typing or reaction in the window. */
  activeMembers: number;
}

/**
 * Overview (PRODUCT.md analytic 1). "Now" is each member's current presence as last received
 * from the gateway (not `query.now`: the store keeps no history of membership). Bots are
 * members like any other.
 */
export const getOverview = async (db: Queryable, query: AnalyticsQuery): Promise<Overview> => {
  const counts = await getOverviewCounts(db, query);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    membersTracked: counts.membersTracked,
    onlineNow: counts.onlineNow,
    multiClientNow: counts.multiClientNow,
    multiClientShareNow: toMultiClientShare(counts.multiClientNow, counts.onlineNow),
    messageCount: counts.messageCount,
    activeMembers: counts.activeMembers,
  };
};
