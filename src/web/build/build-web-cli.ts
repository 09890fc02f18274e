import { buildWeb, isWebBuildFresh } from './web-build.ts';

// `npm run build:web` always builds; `npm start` / `npm run demo` run it with --if-stale first.
const ifStale = process.argv.includes('--if-stale');
if (ifStale && isWebBuildFresh()) process.exit(0);
if (ifStale) console.log('Building the dashboard (dist/web is missing or older than src/web)…');

const isMissingVite = (error: unknown): boolean =>
  error instanceof Error &&
  (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
  error.message.includes('vite');

try {
  await buildWeb({ quiet: ifStale });
} catch (error) {
  // Installed without dev dependencies: the server still starts, serving the last build or
  // a page that says how to make one.
  if (ifStale && isMissingVite(error)) {
    console.warn('Vite is not installed (npm ci --omit=dev?): the dashboard was not rebuilt.');
    process.exit(0);
  }
  console.error('The dashboard build failed:', error);
  process.exit(1);
}
