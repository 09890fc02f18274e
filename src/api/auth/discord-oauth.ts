import { z } from 'zod';
import type { DiscordUserGuild } from '../../access/guild-access.ts';
import { AppError } from '../../errors/app-error.ts';
import type { DiscordLoginOptions } from './auth-options.ts';

/** The Discord user as login reads it. */
export interface DiscordProfile {
  id: string;
  username: string;
  discriminator: string;
  globalName: string | null;
  avatar: string | null;
}

const tokenSchema = z.object({ access_token: z.string().min(1), token_type: z.string() });
const userSchema = z.object({
  id: z.string().regex(/^\d{1,20}$/),
  username: z.string(),
  discriminator: z.string().default('0'),
  global_name: z.string().nullish(),
  avatar: z.string().nullish(),
});
const guildsSchema = z.array(
  z.object({
    id: z.string().regex(/^\d{1,20}$/),
    owner: z.boolean().default(false),
    permissions: z.string(),
  }),
);

const REQUEST_TIMEOUT_MS = 10_000;

const call = async (url: string, init: RequestInit): Promise<unknown> => {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    throw new AppError('DISCORD_UNAVAILABLE', undefined, undefined, { cause: error });
  }
  // A refused code (invalid_grant) is the login's failure, not Discord's.
  if (response.status === 400 || response.status === 401) throw new AppError('LOGIN_FAILED');
  if (!response.ok) throw new AppError('DISCORD_UNAVAILABLE');
  return response.json();
};

const parse = <T>(schema: z.ZodType<T>, body: unknown): T => {
  const result = schema.safeParse(body);
  if (!result.success) throw new AppError('DISCORD_UNAVAILABLE');
  return result.data;
};

/**
 * Exchanges an authorization code (with its PKCE verifier) and reads the user and their
 * guilds. Discord's access token lives only inside this function: never returned, stored or
 * logged, and revoked once read.
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant
 */
export const fetchDiscordLogin = async (
  discord: DiscordLoginOptions & { clientId: string; clientSecret: string },
  grant: { code: string; codeVerifier: string; redirectUri: string },
): Promise<{ profile: DiscordProfile; guilds: DiscordUserGuild[] }> => {
  const base = `${discord.apiUrl.replace(/\/$/, '')}/v10`;
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: grant.code,
    code_verifier: grant.codeVerifier,
    redirect_uri: grant.redirectUri,
    client_id: discord.clientId,
    client_secret: discord.clientSecret,
  });
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
  const token = parse(
    tokenSchema,
    await call(`${base}/oauth2/token`, { method: 'POST', body: form, headers: formHeaders }),
  );
  const headers = { authorization: `Bearer ${token.access_token}` };
  try {
    const user = parse(userSchema, await call(`${base}/users/@me`, { headers }));
    const guilds = parse(guildsSchema, await call(`${base}/users/@me/guilds`, { headers }));
    const profile = {
      id: user.id,
      username: user.username,
      discriminator: user.discriminator,
      globalName: user.global_name ?? null,
      avatar: user.avatar ?? null,
    };
    return { profile, guilds };
  } finally {
    const revoke = new URLSearchParams({
      token: token.access_token,
      client_id: discord.clientId,
      client_secret: discord.clientSecret,
    });
    await fetch(`${base}/oauth2/token/revoke`, {
      method: 'POST',
      body: revoke,
      headers: formHeaders,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }).catch(() => undefined);
  }
};
