import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { toJwtKey } from '../../access/access-token.ts';
import {
  createMemoryLoginStateStore,
  type LoginStateStore,
} from '../../access/login-state-store.ts';
import { createRedisLoginStateStore } from '../../access/redis-login-state-store.ts';
import { type AuditEntry, insertAuditLog } from '../../store/access/insert-audit-log.ts';
import type { Database, Orm } from '../../store/database.ts';
import type { RedisClient } from '../../store/redis.ts';
import type { CounterStore } from '../rate-limit/counter-store.ts';
import { createMemoryCounterStore } from '../rate-limit/memory-counter-store.ts';
import { createRateLimiter, type RateLimiter } from '../rate-limit/rate-limiter.ts';
import { createRedisCounterStore } from '../rate-limit/redis-counter-store.ts';
import { createUsageRecorder, type UsageRecorder } from '../rate-limit/usage-recorder.ts';
import type { AuthOptions } from './auth-options.ts';
import { createIpBlockList, type IpBlockList } from './ip-block-list.ts';

/** What every access route shares: store, clock, key, options, limits. */
export interface AuthContext {
  orm: Orm;
  db: Database;
  log: Logger;
  now: () => Date;
  jwtKey: Uint8Array;
  options: AuthOptions;
  loginStates: LoginStateStore;
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
  /** Rate-limit, quota and failed-login counters: Redis when given, else this process. */
  counters: CounterStore;
  limiter: RateLimiter;
  usage: UsageRecorder;
  ipBlocks: IpBlockList;
}

/** What {@link createAuthContext} builds the context from. */
export interface AuthContextDeps {
  db: Database;
  log: Logger;
  options: AuthOptions;
  now: () => Date;
  /** Shares counters and pending logins between API processes. */
  redis?: RedisClient | undefined;
}

/** Builds the shared access context from the app's dependencies. */
export const createAuthContext = (deps: AuthContextDeps): AuthContext => {
  const prefix = deps.options.redisKeyPrefix ?? 'spw:';
  const counters = deps.redis
    ? createRedisCounterStore(deps.redis, `${prefix}rl:`)
    : createMemoryCounterStore(deps.now);
  const usage = createUsageRecorder({ db: deps.db, log: deps.log });
  const loginStates =
    deps.options.loginStates ??
    (deps.redis
      ? createRedisLoginStateStore(deps.redis, `${prefix}login:`)
      : createMemoryLoginStateStore());
  return {
    orm: deps.db.orm,
    db: deps.db,
    log: deps.log,
    now: deps.now,
    jwtKey: toJwtKey(deps.options.jwtSecret),
    options: deps.options,
    loginStates,
    secureCookies: new URL(deps.options.publicUrl).protocol === 'https:',
    counters,
    limiter: createRateLimiter({ counters, usage, db: deps.db, now: deps.now }),
    usage,
    ipBlocks: createIpBlockList({ orm: deps.db.orm, now: deps.now }),
  };
};

/** The caller's address and user agent, as audit rows and sessions record them. */
export const toClientInfo = (request: FastifyRequest) => ({
  ipAddress: request.ip || null,
  userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
});

/** Writes an audit row for `request` (actor, action, details; address and agent added). */
export const audit = (
  context: AuthContext,
  request: FastifyRequest,
  entry: Omit<AuditEntry, 'ipAddress' | 'userAgent' | 'timestamp'>,
): Promise<void> =>
  insertAuditLog(context.orm, { ...entry, ...toClientInfo(request), timestamp: context.now() });
