import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { type App, createApp } from '../api/app.ts';
import type { AuthOptions } from '../api/auth/auth-options.ts';
import type { Config } from '../config/config.ts';
import type { EventBus } from '../live/event-bus.ts';
import { createPolicySignal, type PolicySignal } from '../privacy/policy-signal.ts';
import type { Database } from '../store/database.ts';
import { closeRedis, openRedis } from '../store/redis.ts';
import { createLiveWiring } from './live-wiring.ts';
import { toLocalUrl } from './to-auth-options.ts';

/** The HTTP side of a running product. */
export interface Served {
  app: App;
  metrics: Registry;
  /** `http://host:port`, as a person would open it. */
  url: string;
  /** Where the bot of this process publishes what it commits (live stream, cache invalidation). */
  bus: EventBus;
  /** The bot of this process subscribes, to honour opt-outs and settings at once. */
  policySignal: PolicySignal;
}

/** Builds the app on `db` and listens on the configured address. */
export const serve = async (
  config: Config,
  db: Database,
  log: Logger,
  auth: AuthOptions,
): Promise<Served> => {
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  // One connection for the API's short commands (rate limits, quotas, pending logins).
  const redis = config.REDIS_URL
    ? openRedis(config.REDIS_URL, { name: 'spywatcher-api' })
    : undefined;
  const { bus, analyticsCache } = await createLiveWiring(config, redis, log);
  const policySignal = createPolicySignal((error) =>
    log.warn({ err: error }, 'the ingest could not re-read opt-outs and settings at once'),
  );
  const app = await createApp({
    db,
    log,
    metrics,
    auth,
    redis,
    bus,
    analyticsCache,
    policySignal,
    trustProxy: config.TRUST_PROXY,
  });
  app.addHook('onClose', () => bus.close());
  if (redis) app.addHook('onClose', () => closeRedis(redis));
  await app.listen({ port: config.PORT, host: config.HOST });
  return { app, metrics, url: toLocalUrl(config), bus, policySignal };
};
