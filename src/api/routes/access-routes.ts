import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthContext } from '../auth/auth-context.ts';
import { createAuthenticate } from '../auth/authenticate.ts';
import { adminRoutes } from './admin-routes.ts';
import { auditLogRoutes } from './audit-log-routes.ts';
import { authLoginRoutes } from './auth-login.ts';
import { authSessionRoutes } from './auth-sessions.ts';
import { authTokenRoutes, logoutRoute } from './auth-tokens.ts';
import { guildRoutes } from './guilds.ts';
import { keysRoutes } from './keys-routes.ts';
import { meRoutes } from './me.ts';

/**
 * Login and refresh are public; everything registered in the inner scope passes the one
 * authentication hook first, so a route there cannot forget it. Data routes of other parts
 * (analytics, keys…) join that scope through `authenticatedRoutes`.
 */
export const accessRoutes =
  (
    context: AuthContext,
    authenticatedRoutes: readonly FastifyPluginAsyncZod[] = [],
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.decorateRequest('principal', null);
    // Pending usage counts reach QuotaUsage before the database closes.
    app.addHook('onClose', () => context.usage.close());
    await app.register(authLoginRoutes(context));
    await app.register(authTokenRoutes(context));
    await app.register(async (authenticated) => {
      authenticated.addHook('onRequest', createAuthenticate(context));
      await authenticated.register(logoutRoute(context));
      await authenticated.register(authSessionRoutes(context));
      await authenticated.register(meRoutes(context));
      await authenticated.register(guildRoutes(context));
      await authenticated.register(keysRoutes(context));
      await authenticated.register(adminRoutes(context));
      await authenticated.register(auditLogRoutes(context));
      for (const routes of authenticatedRoutes) await authenticated.register(routes);
    });
  };
