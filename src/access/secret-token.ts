import { createHash, randomBytes } from 'node:crypto';

/** An opaque random token (256 bits, base64url): refresh tokens, login state, PKCE verifiers. */
export const createSecretToken = (): string => randomBytes(32).toString('base64url');

/** The SHA-256 (hex) a secret token is stored and looked up as; the plaintext is never kept. */
export const toTokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/**
 * The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)).
 * @see https://datatracker.ietf.org/doc/html/rfc7636#section-4.2
 */
export const toCodeChallenge = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');
