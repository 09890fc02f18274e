/** Every page of the dashboard, decoded from the URL path. */
export type Route =
  | { page: 'home' }
  | { page: 'sessions' }
  | { page: 'keys' }
  | { page: 'privacy' }
  | { page: 'audit' }
  | { page: 'ipBlocks' }
  | { page: 'overview'; guildId: string }
  | { page: 'analytic'; guildId: string; analytic: string }
  | { page: 'members'; guildId: string }
  | { page: 'member'; guildId: string; userId: string }
  | { page: 'settings'; guildId: string }
  | { page: 'notFound' };

const ID = /^\d{1,20}$/;

const matchGuild = (guildId: string, rest: readonly string[]): Route => {
  if (!ID.test(guildId)) return { page: 'notFound' };
  const [section, item, ...extra] = rest;
  if (extra.length > 0) return { page: 'notFound' };
  if (section === undefined) return { page: 'overview', guildId };
  if (section === 'settings' && item === undefined) return { page: 'settings', guildId };
  if (section === 'members' && item === undefined) return { page: 'members', guildId };
  if (section === 'members' && item !== undefined && ID.test(item)) {
    return { page: 'member', guildId, userId: item };
  }
  if (section === 'analytics' && item !== undefined && /^[a-z-]+$/.test(item)) {
    return { page: 'analytic', guildId, analytic: item };
  }
  return { page: 'notFound' };
};

const SIMPLE: Record<string, Route> = {
  '': { page: 'home' },
  sessions: { page: 'sessions' },
  keys: { page: 'keys' },
  privacy: { page: 'privacy' },
  audit: { page: 'audit' },
  'ip-blocks': { page: 'ipBlocks' },
};

/** The route for a path such as `/guilds/123/analytics/ghosts`. */
export const matchRoute = (pathname: string): Route => {
  const parts = pathname.split('/').filter(Boolean);
  const [first, second, ...rest] = parts;
  if (first === 'guilds' && second !== undefined) return matchGuild(second, rest);
  if (parts.length <= 1) return SIMPLE[first ?? ''] ?? { page: 'notFound' };
  return { page: 'notFound' };
};
