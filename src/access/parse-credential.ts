/** An API key's recognisable prefix. */
export const API_KEY_PREFIX = 'spw_';

/** What an `Authorization` header carries. */
export type Credential =
  | { type: 'none' }
  | { type: 'malformed' }
  | { type: 'jwt'; token: string }
  | { type: 'apiKey'; key: string };

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** Parses an `Authorization` header: `Bearer <jwt>` or `Bearer spw_…`; anything else is malformed. */
export const parseCredential = (header: string | undefined): Credential => {
  if (header === undefined || header.trim() === '') return { type: 'none' };
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  const value = match?.[1];
  if (value === undefined) return { type: 'malformed' };
  if (value.startsWith(API_KEY_PREFIX)) return { type: 'apiKey', key: value };
  return JWT_SHAPE.test(value) ? { type: 'jwt', token: value } : { type: 'malformed' };
};
