import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

/** Where `npm run build:web` puts the dashboard (vite.config.ts `build.outDir`). */
export const defaultWebRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** Paths that belong to the server, never to the single-page app. */
const SERVER_PATHS = /^\/(api|healthz|readyz|metrics)(\/|$)/;

/**
 * The dashboard's headers: scripts only from this origin (no inline script), inline styles for
 * chart bar widths, same-origin API and WebSocket, and never framed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Spywatcher</title>
<body style="font-family:system-ui;background:#1e1f22;color:#e3e5e8;padding:2rem">
<h1>The dashboard is not built yet</h1>
<p>Run <code>npm run build:web</code> (<code>npm start</code> and <code>npm run demo</code> do it for you), then reload.
The API is served all the same under <a style="color:#8a95ff" href="/api/docs">/api/docs</a>.</p></body></html>`;

/** A regular file under `root` for a URL path, or undefined (also for any escape from root). */
const toFile = (root: string, urlPath: string): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || inside.includes(`..${sep}`)) return undefined;
  try {
    return statSync(file).isFile() ? inside : undefined;
  } catch {
    return undefined;
  }
};

const sendIndex = (reply: FastifyReply, root: string) =>
  reply
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .sendFile('index.html', root);

/**
 * Serves the built dashboard at `/`: files from `root` (hashed assets cached for a year), and
 * `index.html` for every other GET outside the server's own paths, so deep links such as
 * `/guilds/1/members/2` load the app. Register it last: every other route wins over its
 * wildcard. Without a build it answers with a page saying how to make one.
 */
export const webStaticRoutes =
  (options: { root?: string } = {}): FastifyPluginAsync =>
  async (app) => {
    const root = resolve(options.root ?? defaultWebRoot);
    const built = toFile(root, '/index.html') !== undefined;
    if (built) await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
    app.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      schema: { hide: true },
      handler: async (request, reply) => {
        const path = request.url.split('?')[0] ?? '/';
        if (SERVER_PATHS.test(path)) return reply.callNotFound();
        if (!built) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT_HTML);
        const file = path === '/' ? undefined : toFile(root, path);
        if (file === undefined) return sendIndex(reply, root);
        if (file === 'index.html') return sendIndex(reply, root);
        const immutable = file.startsWith(`assets${sep}`) || file.startsWith('assets/');
        return reply
          .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
          .header('x-content-type-options', 'nosniff')
          .sendFile(file.split(sep).join('/'), root);
      },
    });
  };
