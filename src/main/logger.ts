import { type Logger, pino } from 'pino';

/** Fields that may carry a secret; pino replaces their values before anything is written. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.clientSecret',
  '*.password',
  'token',
  'key',
];

/** The process's structured logger (JSON lines on stdout). */
export const createLogger = (level: string): Logger =>
  pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
