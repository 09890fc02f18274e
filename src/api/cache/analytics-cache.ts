/**
 * Where heavy analytics answers are kept for a short time: this process (a bounded LRU) or
 * Redis, shared by every API process. Each guild has a generation that is part of every key
 * of its answers; new data for the guild bumps it, so its old answers are never read again
 * (and expire), while other guilds' answers stay.
 */
export interface AnalyticsCache {
  readonly ttlSeconds: number;
  generation(guildId: string): Promise<string>;
  bump(guildId: string): Promise<void>;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** One cached answer's identity: guild and its generation, route, and validated parameters. */
export interface CacheKeyParts {
  guildId: string;
  generation: string;
  route: string;
  params: Record<string, unknown>;
}

/** A stable key: parameters sorted by name, so the same query always maps to one key. */
export const toCacheKey = (parts: CacheKeyParts): string => {
  const params = Object.keys(parts.params)
    .sort()
    .filter((name) => parts.params[name] !== undefined)
    .map((name) => [name, parts.params[name]]);
  return `${parts.guildId}:${parts.generation}:${parts.route}:${JSON.stringify(params)}`;
};
