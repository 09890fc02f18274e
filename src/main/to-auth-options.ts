import type { AuthOptions, DiscordLoginOptions } from '../api/auth/auth-options.ts';
import type { Config } from '../config/config.ts';

/** Where a person reaches the server when `PUBLIC_URL` is not set. */
export const toLocalUrl = (config: Config): string => {
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return `http://${shown}:${config.PORT}`;
};

/**
 * The access options of the app: Discord login from config (or `discord`, e.g. the demo's
 * simulator), the public URL for the OAuth callback, the admins and the JWT secret.
 */
export const toAuthOptions = (
  config: Config,
  jwtSecret: string,
  discord?: DiscordLoginOptions,
): AuthOptions => ({
  discord: discord ?? {
    apiUrl: config.DISCORD_API_URL,
    clientId: config.DISCORD_CLIENT_ID,
    clientSecret: config.DISCORD_CLIENT_SECRET,
  },
  publicUrl: config.PUBLIC_URL ?? toLocalUrl(config),
  adminDiscordIds: config.ADMIN_DISCORD_IDS,
  jwtSecret,
});
