/**
 * Every expected failure has a stable code here. The API maps a code to its HTTP status in
 * one place; the SDK re-throws the same codes.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  UNAUTHENTICATED: { status: 401, message: 'Authentication is required.' },
  TOKEN_INVALID: { status: 401, message: 'The access token is not valid.' },
  TOKEN_EXPIRED: { status: 401, message: 'The access token has expired.' },
  SESSION_REVOKED: { status: 401, message: 'The session has ended; log in again.' },
  REFRESH_TOKEN_INVALID: { status: 401, message: 'The refresh token is not valid.' },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    message: 'The refresh token was already used; its session has been revoked.',
  },
  LOGIN_FAILED: { status: 400, message: 'The Discord login could not be completed.' },
  API_KEY_INVALID: { status: 401, message: 'The API key is not valid.' },
  API_KEY_REVOKED: { status: 401, message: 'The API key has been revoked.' },
  API_KEY_EXPIRED: { status: 401, message: 'The API key has expired.' },
  FORBIDDEN: { status: 403, message: 'You may not do this.' },
  USER_BANNED: { status: 403, message: 'This account is banned from this instance.' },
  IP_BLOCKED: { status: 403, message: 'Requests from this address are blocked.' },
  SESSION_REQUIRED: {
    status: 403,
    message: 'This needs a dashboard login; an API key cannot do it.',
  },
  TIER_FORBIDDEN: { status: 403, message: 'Only an instance admin may create keys above FREE.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  GUILD_NOT_FOUND: { status: 404, message: 'No such guild.' },
  MEMBER_NOT_FOUND: { status: 404, message: 'No such member in this guild.' },
  SESSION_NOT_FOUND: { status: 404, message: 'No such session.' },
  API_KEY_NOT_FOUND: { status: 404, message: 'No such API key.' },
  USER_NOT_FOUND: { status: 404, message: 'No such user.' },
  IP_BLOCK_NOT_FOUND: { status: 404, message: 'No such IP block.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed.' },
  CONFLICT: { status: 409, message: 'The request conflicts with the current state.' },
  API_KEY_LIMIT_REACHED: {
    status: 409,
    message: 'You have as many active API keys as allowed; revoke one first.',
  },
  UPGRADE_REQUIRED: {
    status: 426,
    message: 'This is a WebSocket endpoint: connect with an Upgrade request.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The content type is not supported.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests.' },
  QUOTA_EXCEEDED: { status: 429, message: 'The daily quota is used up.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  DISCORD_UNAVAILABLE: { status: 502, message: 'Discord did not answer as expected.' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is not reachable.' },
  LOGIN_NOT_CONFIGURED: {
    status: 503,
    message: 'Discord login is not configured (DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET).',
  },
  CONFIG_INVALID: { status: 500, message: 'The configuration is not valid.' },
  DATA_DIR_LOCKED: { status: 500, message: 'The data folder is in use by another process.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
