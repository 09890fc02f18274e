import { createHash } from 'node:crypto';
import type { RedisClient } from '../../store/redis.ts';
import type { CounterStore } from './counter-store.ts';

/**
 * The same all-or-nothing rule as `decideConsume`, run inside Redis so that several API
 * processes counting at once never overshoot. ARGV holds (limit, ttlMs, initial) per key.
 * Returns {allowed (1/0), index of the refusing counter (1-based, 0 if allowed), values...}.
 */
const CONSUME_SCRIPT = `
local values = {}
for i = 1, #KEYS do
  local current = redis.call('GET', KEYS[i])
  values[i] = current and tonumber(current) or tonumber(ARGV[(i - 1) * 3 + 3])
end
for i = 1, #KEYS do
  if values[i] + 1 > tonumber(ARGV[(i - 1) * 3 + 1]) then
    return {0, i, unpack(values)}
  end
end
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    values[i] = redis.call('INCR', KEYS[i])
  else
    values[i] = values[i] + 1
    redis.call('SET', KEYS[i], values[i], 'PX', ARGV[(i - 1) * 3 + 2])
  end
end
return {1, 0, unpack(values)}
`;

const INCREMENT_SCRIPT = `
local value = redis.call('INCR', KEYS[1])
if value == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return value
`;

/** A Lua script run by its SHA-1 (EVALSHA), sent in full only when Redis does not know it yet. */
const toScript = (source: string) => {
  const sha = createHash('sha1').update(source).digest('hex');
  return async (
    redis: RedisClient,
    keys: string[],
    args: (string | number)[],
  ): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(source, keys.length, ...keys, ...args);
    }
  };
};

const consumeScript = toScript(CONSUME_SCRIPT);
const incrementScript = toScript(INCREMENT_SCRIPT);

/**
 * A {@link CounterStore} in Redis, shared by every API process. Keys are `prefix` + the
 * counter's key; give each deployment (or test) its own prefix.
 */
export const createRedisCounterStore = (redis: RedisClient, prefix = 'spw:rl:'): CounterStore => ({
  async consume(counters) {
    if (counters.length === 0) return { allowed: true, values: [] };
    const keys = counters.map((counter) => `${prefix}${counter.key}`);
    const args = counters.flatMap((counter) => [counter.limit, counter.ttlMs, counter.initial]);
    const reply = await consumeScript(redis, keys, args);
    const [allowed, index, ...values] = (Array.isArray(reply) ? reply : []).map(Number);
    return allowed === 1
      ? { allowed: true, values }
      : { allowed: false, index: (index ?? 1) - 1, values };
  },
  async increment(key, ttlMs) {
    return Number(await incrementScript(redis, [`${prefix}${key}`], [ttlMs]));
  },
});
