#!/usr/bin/env node
// `npm start` and `npm run demo` run this with --if-stale first: builds dist/server (see
// server-build.js) unless it is up to date with the sources.
import { buildServer, isServerBuildFresh } from './server-build.js';

const ifStale = process.argv.includes('--if-stale');
if (!ifStale || !isServerBuildFresh()) await buildServer();
