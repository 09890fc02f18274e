import { randomBytes } from 'node:crypto';
import type { RESTPostOAuth2AccessTokenResult } from 'discord-api-types/v10';
import { type AuthorizeDecision, decideAuthorize, type PendingCode } from './oauth-authorize.ts';
import { isCodeVerifierValid } from './pkce.ts';
import type { SimApplication } from './simulator-state.ts';

/** What an access token lets its bearer do. */
export interface OAuthGrant {
  userId: string;
  scopes: string[];
  clientId: string;
  expiresAtMs: number;
}

/** An OAuth2 error body (RFC 6749 §5.2), as Discord's token endpoint sends it. */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
}

/** A token endpoint answer: status and body. */
export type TokenResponse =
  | { status: 200; body: RESTPostOAuth2AccessTokenResult }
  | { status: 400 | 401; body: OAuthErrorBody };

/** Options of {@link createOAuthProvider}. */
export interface OAuthProviderOptions {
  application: SimApplication;
  nowMs: () => number;
  accessTokenTtlMs?: number;
  codeTtlMs?: number;
}

const oauthError = (status: 400 | 401, error: string, description: string): TokenResponse => ({
  status,
  body: { error, error_description: description },
});

const clientFrom = (form: URLSearchParams, authorization: string | undefined) => {
  if (authorization?.startsWith('Basic ')) {
    const [id = '', secret = ''] = Buffer.from(authorization.slice(6), 'base64')
      .toString()
      .split(':');
    return { id, secret };
  }
  return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
};

/**
 * Discord's OAuth2 server in miniature: one-time authorization codes with PKCE (S256),
 * access tokens, and refresh tokens rotated on every use.
 * @see https://discord.com/developers/docs/topics/oauth2
 */
export const createOAuthProvider = (options: OAuthProviderOptions) => {
  const { application, nowMs } = options;
  const accessTokenTtlMs = options.accessTokenTtlMs ?? 604_800_000;
  const codes = new Map<string, PendingCode & { used: boolean; issued: string[] }>();
  const accessTokens = new Map<string, OAuthGrant & { refreshToken: string }>();
  const refreshTokens = new Map<string, string>();

  const revokePair = (accessToken: string): void => {
    const grant = accessTokens.get(accessToken);
    accessTokens.delete(accessToken);
    if (grant) refreshTokens.delete(grant.refreshToken);
  };

  const issue = (grant: Omit<OAuthGrant, 'expiresAtMs'>): TokenResponse & { status: 200 } => {
    const accessToken = randomBytes(24).toString('base64url');
    const refreshToken = randomBytes(24).toString('base64url');
    accessTokens.set(accessToken, {
      ...grant,
      expiresAtMs: nowMs() + accessTokenTtlMs,
      refreshToken,
    });
    refreshTokens.set(refreshToken, accessToken);
    const body = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: Math.floor(accessTokenTtlMs / 1_000),
      refresh_token: refreshToken,
      scope: grant.scopes.join(' '),
    };
    return { status: 200, body };
  };

  const exchangeCode = (form: URLSearchParams): TokenResponse => {
    const code = codes.get(form.get('code') ?? '');
    if (!code) return oauthError(400, 'invalid_grant', 'Invalid "code" in request.');
    if (code.used) {
      // RFC 6749 §4.1.2: a replayed code revokes what it already bought.
      for (const token of code.issued) revokePair(token);
      return oauthError(400, 'invalid_grant', 'Invalid "code" in request.');
    }
    code.used = true;
    if (code.expiresAtMs <= nowMs() || code.clientId !== application.clientId) {
      return oauthError(400, 'invalid_grant', 'Invalid "code" in request.');
    }
    if (form.get('redirect_uri') !== code.redirectUri) {
      return oauthError(400, 'invalid_grant', 'Invalid "redirect_uri" in request.');
    }
    if (code.codeChallenge && !isCodeVerifierValid(form.get('code_verifier'), code.codeChallenge)) {
      return oauthError(400, 'invalid_grant', 'Invalid "code_verifier" in request.');
    }
    const issued = issue({ userId: code.userId, scopes: code.scopes, clientId: code.clientId });
    code.issued.push(issued.body.access_token);
    return issued;
  };

  const refresh = (form: URLSearchParams): TokenResponse => {
    const accessToken = refreshTokens.get(form.get('refresh_token') ?? '');
    const grant = accessToken === undefined ? undefined : accessTokens.get(accessToken);
    if (accessToken === undefined || !grant) {
      return oauthError(400, 'invalid_grant', 'Invalid "refresh_token" in request.');
    }
    revokePair(accessToken);
    return issue({ userId: grant.userId, scopes: grant.scopes, clientId: grant.clientId });
  };

  return {
    /** Answers the consent request for `userId`, storing the code it hands out. */
    authorize(
      query: URLSearchParams,
      userId: string | undefined,
      denied: boolean,
    ): AuthorizeDecision {
      const decision = decideAuthorize(query, {
        application,
        userId,
        denied,
        nowMs: nowMs(),
        codeTtlMs: options.codeTtlMs ?? 600_000,
      });
      if (decision.type === 'redirect' && decision.code) {
        codes.set(decision.code.value, { ...decision.code.pending, used: false, issued: [] });
      }
      return decision;
    },

    /** `POST /oauth2/token`: authorization_code (with PKCE) and refresh_token grants. */
    token(form: URLSearchParams, authorization: string | undefined): TokenResponse {
      const client = clientFrom(form, authorization);
      if (client.id !== application.clientId || client.secret !== application.clientSecret) {
        return oauthError(401, 'invalid_client', 'Client authentication failed.');
      }
      const grantType = form.get('grant_type');
      if (grantType === 'authorization_code') return exchangeCode(form);
      if (grantType === 'refresh_token') return refresh(form);
      return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
    },

    /** `POST /oauth2/token/revoke`: forgets an access or refresh token and its pair. */
    revoke(token: string): void {
      revokePair(refreshTokens.get(token) ?? token);
    },

    /** The grant behind a bearer token, unless unknown or expired. */
    getGrant(accessToken: string): OAuthGrant | undefined {
      const grant = accessTokens.get(accessToken);
      return grant && grant.expiresAtMs > nowMs() ? grant : undefined;
    },
  };
};

/** The provider {@link createOAuthProvider} builds. */
export type OAuthProvider = ReturnType<typeof createOAuthProvider>;
