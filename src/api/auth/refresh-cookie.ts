/** The refresh token's cookie: httpOnly, SameSite=Lax, sent only to the auth endpoints. */
export const REFRESH_COOKIE = 'spw_refresh';
const COOKIE_PATH = '/api/v1/auth';

/** The `Set-Cookie` value that stores a refresh token (or, with `maxAgeS` 0, clears it). */
export const toRefreshCookie = (value: string, options: { maxAgeS: number; secure: boolean }) =>
  [
    `${REFRESH_COOKIE}=${value}`,
    `Path=${COOKIE_PATH}`,
    `Max-Age=${options.maxAgeS}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');

/** The refresh token in a `Cookie` header, if any. */
export const getRefreshCookie = (header: string | undefined): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
};
