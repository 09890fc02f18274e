import { clientPlatforms } from '../store/queries/analytics/client-platforms-sql.ts';

/** The platforms not offline in a stored clientStatus, in Discord's order. */
export const toOnlinePlatforms = (clientStatus: Record<string, string> | null): string[] =>
  clientPlatforms.filter((name) => {
    const status = clientStatus?.[name];
    return status !== undefined && status !== 'offline';
  });
