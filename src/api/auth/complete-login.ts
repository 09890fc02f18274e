import type { FastifyRequest } from 'fastify';
import { toManagedGuilds } from '../../access/guild-access.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import { getUser } from '../../store/access/get-user.ts';
import { replaceManagedGuilds } from '../../store/access/replace-managed-guilds.ts';
import { upsertLoginUser } from '../../store/access/upsert-login-user.ts';
import { type AuthContext, audit, toClientInfo } from './auth-context.ts';
import { toCallbackUrl } from './auth-options.ts';
import { fetchDiscordLogin } from './discord-oauth.ts';
import { startSession } from './issue-tokens.ts';

/** What Discord appends to the callback URL. */
export interface CallbackQuery {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
}

/** The Discord application's credentials, or LOGIN_NOT_CONFIGURED. */
export const getConfiguredDiscord = (context: AuthContext) => {
  const { clientId, clientSecret, apiUrl } = context.options.discord;
  if (clientId === undefined || clientSecret === undefined) {
    throw new AppError('LOGIN_NOT_CONFIGURED');
  }
  return { clientId, clientSecret, apiUrl };
};

/** Refuses a login, with an audit row saying why (never the code or state themselves). */
const failLogin = async (
  context: AuthContext,
  request: FastifyRequest,
  failure: { reason: string; error?: AppError; userId?: string },
): Promise<never> => {
  await audit(context, request, {
    userId: failure.userId ?? null,
    action: 'login_failure',
    resource: 'session',
    details: { reason: failure.reason },
  });
  throw failure.error ?? new AppError('LOGIN_FAILED');
};

/** Checks the single-use state, then exchanges the code with its PKCE verifier at Discord. */
const exchangeAtDiscord = async (
  context: AuthContext,
  request: FastifyRequest,
  query: CallbackQuery,
) => {
  const discord = getConfiguredDiscord(context);
  const nowMs = context.now().getTime();
  const pending = query.state ? await context.loginStates.take(query.state, nowMs) : undefined;
  if (!pending) {
    const error = new AppError('LOGIN_FAILED', 'The login state is unknown, expired or used.');
    return failLogin(context, request, { reason: 'state_mismatch', error });
  }
  if (query.error !== undefined || query.code === undefined) {
    return failLogin(context, request, { reason: 'denied' });
  }
  try {
    return await fetchDiscordLogin(discord, {
      code: query.code,
      codeVerifier: pending.codeVerifier,
      redirectUri: toCallbackUrl(context.options.publicUrl),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const reason = error.code === 'LOGIN_FAILED' ? 'code_rejected' : 'discord_unavailable';
    return failLogin(context, request, { reason, error });
  }
};

/**
 * `GET /auth/callback`: state and code, then the user (ADMIN when configured), the guilds
 * they manage, a session and its tokens. BANNED users get no session.
 */
export const completeLogin = async (
  context: AuthContext,
  request: FastifyRequest,
  query: CallbackQuery,
) => {
  const { profile, guilds } = await exchangeAtDiscord(context, request, query);
  const user = await upsertLoginUser(context.orm, {
    discordId: profile.id,
    username: profile.username,
    discriminator: profile.discriminator,
    globalName: profile.globalName,
    avatar: profile.avatar,
    admin: context.options.adminDiscordIds.includes(profile.id),
  });
  if (user.role === 'BANNED') {
    const error = new AppError('USER_BANNED');
    return failLogin(context, request, { reason: 'banned', error, userId: user.id });
  }
  await replaceManagedGuilds(context.orm, user.id, toManagedGuilds(guilds), context.now());
  const tokens = await startSession(context, user, toClientInfo(request));
  await audit(context, request, {
    userId: user.id,
    action: 'login_success',
    resource: 'session',
    resourceId: tokens.sessionId,
  });
  const shown = await getUser(context.orm, user.id);
  if (!shown) throw new AppError('INTERNAL');
  return { tokens, user: shown };
};
