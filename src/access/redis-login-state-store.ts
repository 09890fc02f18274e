import { z } from 'zod';
import type { RedisClient } from '../store/redis.ts';
import { LOGIN_STATE_TTL_MS, type LoginState, type LoginStateStore } from './login-state-store.ts';

const entrySchema = z.object({ codeVerifier: z.string().min(1), expiresAtMs: z.number() });

const parseEntry = (stored: string): LoginState | undefined => {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A {@link LoginStateStore} in Redis, so a login started on one API process can finish on
 * another. Entries expire in Redis after {@link LOGIN_STATE_TTL_MS}; GETDEL makes `take`
 * single use even when two callbacks race.
 */
export const createRedisLoginStateStore = (
  redis: RedisClient,
  prefix = 'spw:login:',
): LoginStateStore => ({
  async put(state, entry) {
    await redis.set(`${prefix}${state}`, JSON.stringify(entry), 'PX', LOGIN_STATE_TTL_MS);
  },
  async take(state, nowMs) {
    const stored = await redis.getdel(`${prefix}${state}`);
    const entry = stored === null ? undefined : parseEntry(stored);
    return entry && entry.expiresAtMs > nowMs ? entry : undefined;
  },
});
