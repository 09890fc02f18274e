import type { ErrorCode } from '../errors/error-catalogue.ts';

/** Failed authentications one address may make in one window before it is blocked. */
export const AUTH_FAILURE_LIMIT = 20;
export const AUTH_FAILURE_WINDOW_MS = 10 * 60_000;
/** How long an automatic block lasts. */
export const AUTO_BLOCK_MS = 15 * 60_000;

/**
 * Refusals that mean someone presented a bad secret: a forged or garbled token, an unknown,
 * revoked or expired API key, a bad or reused refresh token, a failed login. Not a missing
 * token or an expired access token, which a dashboard tab left open produces innocently.
 */
const FAILURE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'TOKEN_INVALID',
  'API_KEY_INVALID',
  'API_KEY_REVOKED',
  'API_KEY_EXPIRED',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'LOGIN_FAILED',
]);

/** Whether a refusal counts towards an automatic block of its address. */
export const isAuthFailure = (code: ErrorCode): boolean => FAILURE_CODES.has(code);

/** What the `failures`-th failure of an address in the current window leads to. */
export type AuthFailureDecision = { type: 'count' } | { type: 'block'; expiresAt: Date };

/** Blocks an address once, when its failures in one window reach the limit. */
export const decideAuthFailure = (failures: number, now: Date): AuthFailureDecision =>
  failures === AUTH_FAILURE_LIMIT
    ? { type: 'block', expiresAt: new Date(now.getTime() + AUTO_BLOCK_MS) }
    : { type: 'count' };
