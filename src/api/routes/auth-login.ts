import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOGIN_STATE_TTL_MS } from '../../access/login-state-store.ts';
import { createSecretToken, toCodeChallenge } from '../../access/secret-token.ts';
import type { AuthContext } from '../auth/auth-context.ts';
import { toAuthorizeUrl, toCallbackUrl } from '../auth/auth-options.ts';
import { completeLogin, getConfiguredDiscord } from '../auth/complete-login.ts';
import { toRefreshCookie } from '../auth/refresh-cookie.ts';
import { errorSchema, tokensSchema } from './access-schemas.ts';

const callbackQuery = z.object({
  code: z.string().max(512).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(512).optional(),
});

/** Browsers (no `Accept: application/json`) are sent to the dashboard, which calls /auth/refresh. */
const wantsJson = (request: FastifyRequest): boolean =>
  (request.headers.accept ?? '').includes('application/json');

/** `GET /api/v1/auth/login` and `GET /api/v1/auth/callback`: Discord OAuth2 with state and PKCE. */
export const authLoginRoutes =
  (context: AuthContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Start a Discord login: redirects to Discord with state and PKCE (S256).',
          response: { 302: z.null().describe('Redirect to Discord'), 503: errorSchema },
        },
      },
      async (_request, reply: FastifyReply) => {
        const discord = getConfiguredDiscord(context);
        const state = createSecretToken();
        const codeVerifier = createSecretToken();
        const expiresAtMs = context.now().getTime() + LOGIN_STATE_TTL_MS;
        await context.loginStates.put(state, { codeVerifier, expiresAtMs });
        const url = new URL(toAuthorizeUrl(discord.apiUrl));
        url.search = new URLSearchParams({
          response_type: 'code',
          client_id: discord.clientId,
          redirect_uri: toCallbackUrl(context.options.publicUrl),
          scope: 'identify guilds',
          state,
          code_challenge: toCodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          prompt: 'none',
        }).toString();
        return reply.header('cache-control', 'no-store').redirect(url.toString(), 302);
      },
    );

    app.get(
      '/api/v1/auth/callback',
      {
        schema: {
          tags: ['auth'],
          summary:
            'Discord sends the user back here. Sets the refresh cookie; browsers are redirected to `/`, clients sending `Accept: application/json` get the tokens.',
          querystring: callbackQuery,
          response: {
            200: tokensSchema,
            302: z.null(),
            400: errorSchema,
            403: errorSchema,
            502: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const { tokens, user } = await completeLogin(context, request, request.query);
        reply.header('cache-control', 'no-store').header(
          'set-cookie',
          toRefreshCookie(tokens.refreshToken, {
            maxAgeS: tokens.refreshExpiresIn,
            secure: context.secureCookies,
          }),
        );
        if (!wantsJson(request)) return reply.redirect('/', 302);
        return {
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken,
          tokenType: 'Bearer' as const,
          expiresIn: tokens.expiresIn,
          user,
        };
      },
    );
  };
