import { randomBytes } from 'node:crypto';
import type { SimApplication } from './simulator-state.ts';

/** Scopes Discord knows; anything else gets `invalid_scope`. */
const KNOWN_SCOPES = new Set([
  'identify',
  'email',
  'guilds',
  'guilds.join',
  'guilds.members.read',
  'connections',
  'bot',
  'applications.commands',
  'role_connections.write',
  'openid',
]);

/** An authorization code waiting to be exchanged. */
export interface PendingCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  codeChallenge: string | undefined;
  expiresAtMs: number;
}

/** The answer to `GET /oauth2/authorize`: a redirect back to the app, or an error page. */
export type AuthorizeDecision =
  | { type: 'redirect'; location: string; code?: { value: string; pending: PendingCode } }
  | { type: 'error'; status: number; message: string; code: number };

/** What the simulated consent screen knows. */
export interface AuthorizeContext {
  application: SimApplication;
  /** The user who "clicks Authorize"; undefined when nobody is logged in. */
  userId: string | undefined;
  /** Simulates the user pressing Cancel. */
  denied: boolean;
  nowMs: number;
  codeTtlMs: number;
}

const redirectTo = (redirectUri: string, params: Record<string, string | null>): string => {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null) url.searchParams.set(key, value);
  }
  return url.toString();
};

/**
 * The simulated consent: checks the request as Discord does and, instead of showing a page,
 * answers at once as if the user clicked Authorize (or Cancel).
 * @see https://discord.com/developers/docs/topics/oauth2#authorization-code-grant
 */
export const decideAuthorize = (
  query: URLSearchParams,
  context: AuthorizeContext,
): AuthorizeDecision => {
  const { application } = context;
  if (query.get('client_id') !== application.clientId) {
    return { type: 'error', status: 400, message: 'Unknown Application', code: 10_002 };
  }
  const redirectUri = query.get('redirect_uri');
  const allowed = application.redirectUris;
  if (!redirectUri || !URL.canParse(redirectUri) || (allowed && !allowed.includes(redirectUri))) {
    return { type: 'error', status: 400, message: 'Invalid OAuth2 redirect_uri', code: 50_009 };
  }
  const state = query.get('state');
  const fail = (error: string, description: string): AuthorizeDecision => ({
    type: 'redirect',
    location: redirectTo(redirectUri, { error, error_description: description, state }),
  });
  if (query.get('response_type') !== 'code') {
    return fail('unsupported_response_type', 'Only response_type=code is simulated.');
  }
  const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
  if (scopes.length === 0 || scopes.some((scope) => !KNOWN_SCOPES.has(scope))) {
    return fail('invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
  }
  const codeChallenge = query.get('code_challenge') ?? undefined;
  if (codeChallenge !== undefined && query.get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256.');
  }
  if (context.denied)
    return fail('access_denied', 'The resource owner or authorization server denied the request');
  if (context.userId === undefined) {
    return { type: 'error', status: 400, message: 'Unknown User', code: 10_013 };
  }
  const value = randomBytes(20).toString('base64url');
  const pending: PendingCode = {
    clientId: application.clientId,
    redirectUri,
    userId: context.userId,
    scopes,
    codeChallenge,
    expiresAtMs: context.nowMs + context.codeTtlMs,
  };
  return {
    type: 'redirect',
    location: redirectTo(redirectUri, { code: value, state }),
    code: { value, pending },
  };
};
