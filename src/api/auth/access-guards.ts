import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AUTH_FAILURE_WINDOW_MS,
  decideAuthFailure,
  isAuthFailure,
} from '../../access/decide-auth-failure.ts';
import { toClientAddress } from '../../access/to-client-address.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import { upsertIpBlock } from '../../store/access/upsert-ip-block.ts';
import { type AuthContext, audit } from './auth-context.ts';

/** Routes a blocked address may still call: load balancers probe them. */
const UNGUARDED_ROUTES = new Set(['/healthz', '/readyz']);

/** Counts a failed authentication of the request's address; blocks the address at the limit. */
const recordAuthFailure = async (context: AuthContext, request: FastifyRequest) => {
  const address = toClientAddress(request.ip);
  if (address === undefined) return;
  const now = context.now();
  const window = Math.floor(now.getTime() / AUTH_FAILURE_WINDOW_MS);
  const failures = await context.counters.increment(
    `authfail:{${address}}:${window}`,
    AUTH_FAILURE_WINDOW_MS,
  );
  const decision = decideAuthFailure(failures, now);
  if (decision.type !== 'block') return;
  const block = await upsertIpBlock(context.orm, {
    ipAddress: address,
    reason: `${failures} failed authentications within ${AUTH_FAILURE_WINDOW_MS / 60_000} minutes`,
    blockedBy: 'auto',
    now,
    expiresAt: decision.expiresAt,
  });
  context.ipBlocks.invalidate();
  await audit(context, request, {
    userId: null,
    action: 'ip_block_auto',
    resource: 'ip_block',
    resourceId: block.id,
    details: { ipAddress: address, failures, expiresAt: decision.expiresAt.toISOString() },
  });
  request.log.warn({ ipAddress: address, failures }, 'address blocked automatically');
};

/**
 * Hooks on the root app, ahead of every route: a blocked address gets 403 IP_BLOCKED on
 * everything but health; refusals of bad secrets are counted per address, and too many in
 * one window block the address for a while (audited).
 */
export const installAccessGuards = (app: FastifyInstance, context: AuthContext): void => {
  app.addHook('onRequest', async (request) => {
    if (UNGUARDED_ROUTES.has(request.routeOptions.url ?? '')) return;
    if (await context.ipBlocks.getBlock(request.ip)) throw new AppError('IP_BLOCKED');
  });
  app.addHook('onError', async (request, _reply, error) => {
    if (!isAppError(error) || !isAuthFailure(error.code)) return;
    try {
      await recordAuthFailure(context, request);
    } catch (failure) {
      request.log.error({ err: failure }, 'counting a failed authentication failed');
    }
  });
};
