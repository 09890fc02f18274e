#!/usr/bin/env node
// Runs the server build (dist/server, made by `npm start` and `npm run demo` when stale) if it
// is up to date with the sources, else the TypeScript sources directly through tsx: no build
// step is needed between `npm ci` and `npx spywatcher`, and an edited source is never ignored.
import { isServerBuildFresh, serverBuildFile } from './server-build.js';

if (isServerBuildFresh()) {
  await import(serverBuildFile);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main/cli.ts');
}
