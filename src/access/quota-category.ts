import type { QuotaCategory } from './tier-limits.ts';

const GUILD_SCOPED = /^\/api\/v1\/guilds\/:guildId\/(.+)$/;
const MEMBER_DATA = /^(members|bans)(\/|$)/;

/**
 * The quota group of a route pattern (`request.routeOptions.url`): a guild's members and bans
 * are `users`; every other guild-scoped route (the analytics, the live stream) is `analytics`.
 * Everything else — account, keys, sessions, guild list, audit log, admin — has no daily
 * quota (undefined) and is bounded by the per-minute rate limit alone.
 */
export const toQuotaCategory = (route: string): QuotaCategory | undefined => {
  const rest = GUILD_SCOPED.exec(route)?.[1];
  if (rest === undefined) return undefined;
  return MEMBER_DATA.test(rest) ? 'users' : 'analytics';
};
