import type { Queryable } from '../store/database.ts';
import { listChannelActivity } from '../store/queries/analytics/list-channel-activity.ts';
import { listChannelDiversity } from '../store/queries/analytics/list-channel-diversity.ts';
import type { AnalyticsQuery } from './analytics-query.ts';
import { toWindowJson } from './to-window-json.ts';

/**
 * PRODUCT.md analytic 8. `items`: channels by messages (then typing, then id) with messages,
 * distinct authors and typing events; `members`: members by channel diversity (distinct
 * channels they wrote in; only members who wrote). Channels are ids: Discord channel names are
 * not stored. Both lists hold at most `limit` entries.
 */
export const getChannels = async (db: Queryable, query: AnalyticsQuery) => {
  const [items, members] = await Promise.all([
    listChannelActivity(db, query),
    listChannelDiversity(db, query),
  ]);
  return { guildId: query.guildId, window: toWindowJson(query.window), items, members };
};
