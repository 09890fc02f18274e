// The server build: src/main/cli.ts and everything it imports from src/ as one JavaScript file
// (packages stay in node_modules). Plain JavaScript, because the launcher reads it before any
// TypeScript can run. Running the build instead of the sources through tsx saves tsx's
// compiler and module cache: about 60 MB of resident memory, and a faster start.
import { readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const thisFile = relative(root, fileURLToPath(import.meta.url));
/** Where `npm start` builds the command line; packages are found from there in node_modules. */
export const serverBuildFile = join(root, 'dist', 'server', 'spywatcher.mjs');
/** Beside the build: the files it was made from (relative to the root), this file included. */
const toInputsFile = (buildFile) => join(dirname(buildFile), 'inputs.json');

const mtimeMs = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/** Whether the build exists and none of the files it was made from changed since. */
export const isServerBuildFresh = (buildFile = serverBuildFile) => {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(toInputsFile(buildFile), 'utf8'));
  } catch {
    return false;
  }
  const builtAtMs = statSync(buildFile, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return inputs.every((input) => mtimeMs(join(root, input)) <= builtAtMs);
};

/**
 * In the build every module is one file, so `import.meta.url` would name the build for all of
 * them: each source's own URL is put back (relative to the build, so the folder can move), and
 * paths such as src/store/migrations and dist/web resolve as they do from the sources.
 */
const keepModuleUrls = (buildFile) => ({
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBuild = relative(dirname(buildFile), args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromBuild)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
});

/**
 * Builds the server with esbuild into dist/server; the files are written under temporary names
 * and renamed, so a process starting meanwhile sees the old build or the new one, whole. The
 * build is dated from when it started, so a source saved during it makes it stale.
 */
export const buildServer = async (buildFile = serverBuildFile) => {
  const { build } = await import('esbuild');
  const startedAt = new Date();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/main/cli.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: `${buildFile}.${process.pid}.tmp`,
    metafile: true,
    logLevel: 'warning',
    plugins: [keepModuleUrls(buildFile)],
  });
  const inputs = [...Object.keys(result.metafile.inputs), thisFile];
  const inputsFile = toInputsFile(buildFile);
  writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(inputs));
  utimesSync(`${buildFile}.${process.pid}.tmp`, startedAt, startedAt);
  renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
  renameSync(`${buildFile}.${process.pid}.tmp`, buildFile);
};
