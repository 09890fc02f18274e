import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dashboard's sources (the Vite root) and where its build goes. */
export const webSourceDir = fileURLToPath(new URL('..', import.meta.url));
export const webOutDir = fileURLToPath(new URL('../../../dist/web', import.meta.url));
const lockFile = fileURLToPath(new URL('../../../package-lock.json', import.meta.url));

/** Files that are not part of the shipped app: tests, the e2e suite, this build tooling. */
const isShipped = (name: string): boolean =>
  !name.endsWith('.test.ts') && !['e2e', 'build', 'node_modules'].includes(name);

const newestMtimeMs = (dir: string): number => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!isShipped(entry.name)) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
};

const mtimeOr = (path: string, fallback: number): number => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return fallback;
  }
};

/**
 * Whether `outDir` holds a build at least as new as every source file and the lock file
 * (a dependency upgrade rebuilds too).
 */
export const isWebBuildFresh = (outDir: string = webOutDir): boolean => {
  const builtAtMs = mtimeOr(join(outDir, 'index.html'), -1);
  if (builtAtMs < 0) return false;
  return builtAtMs >= Math.max(newestMtimeMs(webSourceDir), mtimeOr(lockFile, 0));
};

/**
 * Builds the dashboard with Vite's API into `outDir`. Vite is a dev dependency, so it is
 * imported only here, never by the server.
 */
export const buildWeb = async (
  options: { outDir?: string; quiet?: boolean } = {},
): Promise<void> => {
  const { build } = await import('vite');
  await build({
    configFile: join(webSourceDir, 'vite.config.ts'),
    logLevel: options.quiet ? 'warn' : 'info',
    ...(options.outDir ? { build: { outDir: options.outDir, emptyOutDir: true } } : {}),
  });
};
