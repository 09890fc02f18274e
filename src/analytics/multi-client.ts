import type { Queryable } from '../store/database.ts';
import { listMultiClientMembers } from '../store/queries/analytics/list-multi-client-members.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toMultiClientShare } from './multi-client-share.ts';
import { toWindowJson } from './to-window-json.ts';

export interface MultiClientMember {
  userId: string;
  username: string;
  displayName: string;
  /** Snapshots in the window with two or more platforms not offline. */
  multiClientCount: number;
  /** Non-offline snapshots in the window: the denominator of `multiClientShare`. */
  presenceCount: number;
  /** `multiClientCount / presenceCount`, 0–1. */
  multiClientShare: number;
  /** E.g. `{ platforms: 'desktop+mobile', count: 12 }`, most seen first. */
  combinations: { platforms: string; count: number }[];
  /** The first and last multi-client snapshot in the window. */
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface MultiClientResult {
  guildId: string;
  window: { from: string; to: string };
  items: MultiClientMember[];
}

/**
 * Multi-client members (PRODUCT.md analytic 2). A platform counts when its clientStatus is
 * not offline; combinations name platforms in Discord's order (desktop, mobile, web,
 * embedded) joined by `+`. The share's denominator is the member's non-offline snapshots in
 * the window (an offline snapshot has no platforms, and how often someone disconnects should
 * not dilute it). Ordered by multi-client snapshots descending, then Discord id.
 */
export const getMultiClient = async (
  db: Queryable,
  query: AnalyticsQuery,
): Promise<MultiClientResult> => {
  const rows = await listMultiClientMembers(db, query);
  return {
    guildId: query.guildId,
    window: toWindowJson(query.window),
    items: rows.map((row) => ({
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      multiClientCount: row.multiClientCount,
      presenceCount: row.presenceCount,
      multiClientShare: toMultiClientShare(row.multiClientCount, row.presenceCount),
      combinations: row.combinations,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
    })),
  };
};
