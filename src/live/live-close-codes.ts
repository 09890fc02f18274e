/**
 * WebSocket close codes of the live stream (4000–4999 are the application's own): the
 * HTTP status they mirror plus 4000.
 */
export const liveCloseCodes = {
  badMessage: 4_400,
  unauthenticated: 4_401,
  forbidden: 4_403,
  guildNotFound: 4_404,
  authTimeout: 4_408,
  slowConsumer: 4_429,
  internal: 1_011,
  goingAway: 1_001,
} as const;

/** The close code for a refused credential or guild, from the error's HTTP status. */
export const toCloseCode = (status: number): number => {
  if (status === 401) return liveCloseCodes.unauthenticated;
  if (status === 403) return liveCloseCodes.forbidden;
  if (status === 404) return liveCloseCodes.guildNotFound;
  if (status === 400) return liveCloseCodes.badMessage;
  return liveCloseCodes.internal;
};
