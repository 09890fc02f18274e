import type { AuthOptions } from '../auth/auth-options.ts';

/** A JWT secret for tests (never used outside them). */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

/** Access options for app tests; login stays unconfigured unless `overrides.discord` says. */
export const testAuthOptions = (overrides: Partial<AuthOptions> = {}): AuthOptions => ({
  discord: { apiUrl: 'http://127.0.0.1:1/api', clientId: undefined, clientSecret: undefined },
  publicUrl: 'http://spywatcher.test',
  adminDiscordIds: [],
  jwtSecret: TEST_JWT_SECRET,
  ...overrides,
});
