import type { IncomingMessage, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
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
import type { Database } from '../store/database.ts';
import { createAuthContext } from './auth/auth-context.ts';
import type { AuthOptions } from './auth/auth-options.ts';
import { handleError } from './error-handler.ts';
import { accessRoutes } from './routes/access-routes.ts';
import { analyticsRoutes } from './routes/analytics-routes.ts';
import { healthRoutes } from './routes/health.ts';
import { memberRoutes } from './routes/member-routes.ts';
import { metricsRoutes } from './routes/metrics.ts';

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
  trustProxy?: boolean;
}

/** The HTTP app, typed for zod route schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Largest accepted request body. */
const BODY_LIMIT_BYTES = 1_048_576;

/** Builds the HTTP app without listening, so tests can call it in-process with `inject`. */
export const createApp = async (deps: AppDeps): Promise<App> => {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.trustProxy ?? false,
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
            description: 'An access token from /api/v1/auth/callback or /api/v1/auth/refresh.',
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
  const now = deps.now ?? (() => new Date());
  const auth = createAuthContext(deps.db.orm, deps.auth, now);
  await app.register(
    accessRoutes(auth, [analyticsRoutes(auth, deps.db), memberRoutes(auth, deps.db)]),
  );
  return app;
};
