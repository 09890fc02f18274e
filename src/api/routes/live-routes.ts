import type {} from '@fastify/websocket';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../access/principal.ts';
import { AppError } from '../../errors/app-error.ts';
import type { EventBus } from '../../live/event-bus.ts';
import { type LiveGrant, serveLiveConnection } from '../../live/live-connection.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { authenticateAuthorization, authenticateToken } from '../auth/authenticate.ts';
import { requireGuild } from '../auth/require-guild.ts';
import { errorSchema } from './access-schemas.ts';
import { guildParams } from './analytics-params.ts';

/** Options of {@link liveRoutes}; the timings exist for tests. */
export interface LiveRouteOptions {
  heartbeatIntervalMs?: number;
  authTimeoutMs?: number;
  maxBufferedBytes?: number;
}

const description = `WebSocket stream of the guild's live events (upgrade request).
Authenticate with \`Authorization: Bearer …\` on the upgrade request (refused with the HTTP error before
the upgrade), or — browsers cannot set headers on a WebSocket — connect without it and send
\`{"type":"auth","token":"<access JWT>"}\` as the first message within 5 s; tokens never go in the URL.
Server messages (JSON): \`ready\`, \`events\` (what the ingest just stored: counts and recent events),
\`alert\` (multiClient, raidBurst, roleEscalation), \`pong\`, \`error\` (then a close: 4401 unauthenticated
or token expired, 4403 banned, 4404 guild not found, 4408 no auth in time, 4400 bad message, 4429 slow consumer).
Send \`{"type":"auth"}\` again with a fresh token to stay connected past the token's expiry (a stream
opened with an API key must send the key again every 5 minutes, so a revoked key, a banned owner or lost
guild access ends it); \`{"type":"ping"}\` is answered with \`pong\`.`;

/**
 * A key can be revoked, its owner banned or their guild access lost at any moment, and a key has
 * no short expiry of its own: a stream opened with one is checked again this often.
 */
export const API_KEY_RECHECK_MS = 5 * 60_000;

/** When a principal's credential stops being good for the stream (it must authenticate again). */
export const toGrant = (principal: Principal, now: Date): LiveGrant => {
  if (principal.via === 'session') return { expiresAt: principal.accessExpiresAt };
  const recheckAt = new Date(now.getTime() + API_KEY_RECHECK_MS);
  const { expiresAt } = principal;
  return { expiresAt: expiresAt !== null && expiresAt < recheckAt ? expiresAt : recheckAt };
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on a live upgrade that carried an accepted `Authorization` header. */
    liveGrant?: LiveGrant;
  }
}

/** `GET /api/v1/guilds/:guildId/live`: the guild's events and alerts over a WebSocket. */
export const liveRoutes =
  (context: AuthContext, bus: EventBus, options: LiveRouteOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const authorize = async (principal: Principal, guildId: string): Promise<LiveGrant> => {
      await requireGuild(context.orm, principal, guildId);
      return toGrant(principal, context.now());
    };
    app.route({
      method: 'GET',
      url: '/api/v1/guilds/:guildId/live',
      schema: {
        tags: ['live'],
        summary: 'Live events and alerts of a guild (WebSocket).',
        description,
        params: guildParams,
        response: {
          101: z.null().describe('Switching Protocols: the WebSocket is open.'),
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
          426: errorSchema,
        },
      },
      preHandler: async (request) => {
        if (!request.ws || request.headers.authorization === undefined) return;
        const principal = await authenticateAuthorization(context, request.headers.authorization);
        request.liveGrant = await authorize(principal, request.params.guildId);
      },
      handler: async () => {
        throw new AppError('UPGRADE_REQUIRED');
      },
      wsHandler: (socket, request) => {
        const { guildId } = request.params;
        serveLiveConnection({
          socket,
          guildId,
          bus,
          authorize: async (token) => authorize(await authenticateToken(context, token), guildId),
          ...(request.liveGrant ? { granted: request.liveGrant } : {}),
          log: request.log,
          now: context.now,
          ...options,
        });
      },
    });
  };
