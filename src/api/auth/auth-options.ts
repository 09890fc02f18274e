import type { LoginStateStore } from '../../access/login-state-store.ts';

/** The Discord application the dashboard logs in through. */
export interface DiscordLoginOptions {
  /** `https://discord.com/api`, or the simulator's `apiUrl`. */
  apiUrl: string;
  /** Undefined: login answers LOGIN_NOT_CONFIGURED. */
  clientId: string | undefined;
  clientSecret: string | undefined;
}

/** What the access part of the app needs; the composition root builds it from config. */
export interface AuthOptions {
  discord: DiscordLoginOptions;
  /** Where browsers reach the app; the OAuth callback is `{publicUrl}/api/v1/auth/callback`. */
  publicUrl: string;
  /** Discord user ids made instance ADMIN at login. */
  adminDiscordIds: readonly string[];
  jwtSecret: string;
  /** Defaults to Redis when the app has it, else a store in this process's memory. */
  loginStates?: LoginStateStore;
  /** Prefix of every Redis key the access part writes (default `spw:`); tests use their own. */
  redisKeyPrefix?: string;
}

/** The OAuth2 callback URL registered with Discord for this instance. */
export const toCallbackUrl = (publicUrl: string): string =>
  new URL('/api/v1/auth/callback', publicUrl).toString();

/**
 * Discord's consent page is at the API host's origin, outside `/api`
 * (`https://discord.com/api` → `https://discord.com/oauth2/authorize`).
 */
export const toAuthorizeUrl = (apiUrl: string): string =>
  new URL('/oauth2/authorize', new URL(apiUrl).origin).toString();
