// Types of server-build.js, for the TypeScript that imports it (its test, the benchmark).

/** Where `npm start` builds the command line. */
export const serverBuildFile: string;

/** Whether the build exists and none of the files it was made from changed since. */
export function isServerBuildFresh(buildFile?: string): boolean;

/** Builds the server with esbuild (into dist/server unless told otherwise). */
export function buildServer(buildFile?: string): Promise<void>;
