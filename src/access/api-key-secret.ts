import { randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from './parse-credential.ts';
import { toTokenHash } from './secret-token.ts';

/** How many leading characters of a key are kept in clear, so its owner can recognise it. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

/** A new key: the plaintext (shown once), its SHA-256 (stored) and its recognisable prefix. */
export interface ApiKeySecret {
  key: string;
  hash: string;
  prefix: string;
}

/** A fresh `spw_` key of 256 random bits. */
export const createApiKeySecret = (): ApiKeySecret => {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: toTokenHash(key), prefix: key.slice(0, SHOWN_PREFIX_LENGTH) };
};
