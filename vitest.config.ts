import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bin/**/*.test.ts'],
    pool: 'forks',
    // Each file owns one PGlite (seconds to boot) and, in CI, one PostgreSQL database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
