import { createHash, randomBytes } from 'node:crypto';

/**
 * The S256 code challenge of a PKCE verifier: base64url(SHA-256(verifier)), no padding.
 * @see https://datatracker.ietf.org/doc/html/rfc7636#section-4.2
 */
export const toCodeChallenge = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

/** A fresh PKCE verifier (43 characters of base64url, the shortest RFC 7636 allows). */
export const createCodeVerifier = (): string => randomBytes(32).toString('base64url');

/** Whether a verifier is well formed and matches the S256 challenge it was issued under. */
export const isCodeVerifierValid = (verifier: string | null, challenge: string): boolean =>
  verifier !== null &&
  /^[A-Za-z0-9._~-]{43,128}$/.test(verifier) &&
  toCodeChallenge(verifier) === challenge;
