import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';

/** Options of {@link resolveJwtSecret}. */
export interface JwtSecretOptions {
  configured: string | undefined;
  dataDir: string;
  log: Logger;
}

/**
 * The configured `JWT_SECRET`, or one generated once and kept in the data folder (mode 0600)
 * so that logins survive a restart. Several processes must share one: set `JWT_SECRET` then.
 */
export const resolveJwtSecret = ({ configured, dataDir, log }: JwtSecretOptions): string => {
  if (configured !== undefined) return configured;
  const path = join(resolve(dataDir), 'jwt-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(resolve(dataDir), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  log.warn(
    { path },
    'JWT_SECRET is not set: generated one and kept it in the data folder. ' +
      'Set JWT_SECRET yourself when several processes serve the API.',
  );
  return secret;
};
