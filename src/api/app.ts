import type { IncomingMessage, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  LogController,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { AppError } from '../errors/app-error.ts';
import type { EventBus } from '../live/event-bus.ts';
import { liveCloseCodes } from '../live/live-close-codes.ts';
import { createMemoryEventBus } from '../live/memory-event-bus.ts';
import type { PolicySignal } from '../privacy/policy-signal.ts';
import type { Database } from '../store/database.ts';
import type { RedisClient } from '../store/redis.ts';
import { installAccessGuards } from './auth/access-guards.ts';
import { createAuthContext } from './auth/auth-context.ts';
import type { AuthOptions } from './auth/auth-options.ts';
import type { AnalyticsCache } from './cache/analytics-cache.ts';
import { invalidateOnEvents } from './cache/invalidate-on-events.ts';
import { invalidateOnPolicy } from './cache/invalidate-on-policy.ts';
import { handleError } from './error-handler.ts';
import { accessRoutes } from './routes/access-routes.ts';
import { analyticsRoutes } from './routes/analytics-routes.ts';
import { guildSettingsRoutes } from './routes/guild-settings-routes.ts';
import { healthRoutes } from './routes/health.ts';
import { type LiveRouteOptions, liveRoutes } from './routes/live-routes.ts';
import { memberRoutes } from './routes/member-routes.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { privacyRoutes } from './routes/privacy-routes.ts';
import { webStaticRoutes } from './routes/web-static.ts';

/** What the HTTP app needs; the composition root creates each. */
export interface AppDeps {
  db: Database;
  log: Logger;
  metrics: Registry;
  /** Discord login, JWT secret and admins. */
  auth: AuthOptions;
  /** The clock for token expiry and audit times; defaults to the system clock. */
  now?: () => Date;
  /** Trust `X-Forwarded-For` from a reverse proxy for client addresses. */
  trustProxy?: boolean | number | string[];
  /** Lets the bot of this process re-read opt-outs and settings as soon as they change. */
  policySignal?: PolicySignal | undefined;
  /** Shared rate limits, quotas and pending logins between API processes. */
  redis?: RedisClient | undefined;
  /** The built dashboard (defaults to `dist/web`). */
  webRoot?: string | undefined;
  /** Live events (WebSocket stream, cache invalidation); defaults to this process's own bus. */
  bus?: EventBus | undefined;
  /** Short-lived answers of heavy analytics; none (always computed) when not given. */
  analyticsCache?: AnalyticsCache | undefined;
  /** Timings of the live stream, for tests. */
  live?: LiveRouteOptions | undefined;
}

/** The HTTP app, typed for zod route schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Trusts the nearest `hops` proxies' `X-Forwarded-For` entries, and no farther ones. */
const trustHops =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

/** Largest accepted request body. */
const BODY_LIMIT_BYTES = 1_048_576;

/** Builds the HTTP app without listening, so tests can call it in-process with `inject`. */
export const createApp = async (deps: AppDeps): Promise<App> => {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy:
      typeof deps.trustProxy === 'number' ? trustHops(deps.trustProxy) : (deps.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request) => {
    throw new AppError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`);
  });
  // One line per request; the route pattern, not the raw URL, so query secrets never reach logs.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  const now = deps.now ?? (() => new Date());
  const auth = createAuthContext({
    db: deps.db,
    log: deps.log,
    options: deps.auth,
    now,
    redis: deps.redis,
  });
  installAccessGuards(app, auth);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Spywatcher API',
        version: '1',
        description: 'Presence and behaviour analytics for Discord server staff.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An access token from /api/v1/auth/callback or /api/v1/auth/refresh, or an API key (spw_…) from POST /api/v1/keys.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(deps.db));
  await app.register(metricsRoutes(deps.metrics));
  const bus = deps.bus ?? createMemoryEventBus();
  if (deps.analyticsCache) {
    const stopInvalidating = invalidateOnEvents(bus, deps.analyticsCache, deps.log);
    app.addHook('onClose', async () => stopInvalidating());
    if (deps.policySignal) {
      const stop = invalidateOnPolicy(deps.policySignal, deps.analyticsCache, deps.db, deps.log);
      app.addHook('onClose', async () => stop());
    }
  }
  await app.register(websocket, {
    options: { maxPayload: 16_384 },
    preClose: function closeLiveSockets(done) {
      for (const client of this.websocketServer.clients)
        client.close(liveCloseCodes.goingAway, 'server shutting down');
      this.websocketServer.close();
      done();
    },
  });
  await app.register(liveRoutes(auth, bus, deps.live));
  await app.register(
    accessRoutes(auth, [
      analyticsRoutes(auth, deps.db, deps.analyticsCache),
      memberRoutes(auth, deps.db),
      privacyRoutes(auth, deps.db, deps.policySignal),
      guildSettingsRoutes(auth, deps.db, deps.policySignal),
    ]),
  );
  // Last: its wildcard serves the dashboard wherever no other route matched.
  await app.register(webStaticRoutes(deps.webRoot === undefined ? {} : { root: deps.webRoot }));
  return app;
};
