import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackends, useTestDatabase } from '../../store/testing/test-database.ts';
import { type App, createApp } from '../app.ts';
import { testAuthOptions } from '../testing/test-auth-options.ts';

const INDEX = '<!doctype html><title>Spywatcher</title><div id="root"></div>';
const SCRIPT = 'console.log("app");';

/** A built dashboard in a temporary folder, with a secret beside it that must never be served. */
const makeWebRoot = (): { parent: string; root: string } => {
  const parent = mkdtempSync(join(tmpdir(), 'spw-web-'));
  const root = join(parent, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-AbC123.js'), SCRIPT);
  writeFileSync(join(root, 'theme-init.js'), '// theme');
  writeFileSync(join(parent, 'secret.txt'), 'do not serve');
  return { parent, root };
};

for (const backend of testBackends())
  describe(`the dashboard served at / (${backend.name})`, () => {
    const db = useTestDatabase(backend);
    const web = makeWebRoot();
    const empty = mkdtempSync(join(tmpdir(), 'spw-web-empty-'));
    let app: App;
    let unbuilt: App;
    beforeAll(async () => {
      const deps = { db: db(), log: pino({ level: 'silent' }), auth: testAuthOptions() };
      app = await createApp({ ...deps, metrics: new Registry(), webRoot: web.root });
      unbuilt = await createApp({ ...deps, metrics: new Registry(), webRoot: empty });
    });
    afterAll(async () => {
      await app.close();
      await unbuilt.close();
      rmSync(web.parent, { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    });

    it('serves index.html at / with no-cache and a strict content security policy', async () => {
      const response = await app.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it.each([
      '/guilds/1/members/2',
      '/keys',
      '/guilds/1/analytics/ghosts?x=1',
      '/assets/missing.js',
    ])('answers the deep link %s with the app (SPA fallback)', async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(INDEX);
    });

    it('serves hashed assets as immutable and other files as no-cache', async () => {
      const asset = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.body).toBe(SCRIPT);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const plain = await app.inject({ method: 'GET', url: '/theme-init.js' });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['cache-control']).toBe('no-cache');
    });

    it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%E0%A4%A'])(
      'never serves a file outside its folder: %s',
      async (url) => {
        const response = await app.inject({ method: 'GET', url });
        expect(response.body).not.toContain('do not serve');
      },
    );

    it('leaves the server’s own paths alone: unknown API routes stay catalogued JSON 404s', async () => {
      const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nothing.' },
      });
      const health = await app.inject({ method: 'GET', url: '/healthz' });
      expect(health.json()).toEqual({ status: 'ok' });
      const post = await app.inject({ method: 'POST', url: '/guilds/1' });
      expect(post.statusCode).toBe(404);
    });

    it('answers HEAD like GET', async () => {
      const response = await app.inject({ method: 'HEAD', url: '/guilds/1' });
      expect(response.statusCode).toBe(200);
    });

    it('says how to build the dashboard when there is no build, and keeps the API working', async () => {
      const page = await unbuilt.inject({ method: 'GET', url: '/guilds/1' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('npm run build:web');
      const api = await unbuilt.inject({ method: 'GET', url: '/api/v1/nothing' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('NOT_FOUND');
    });
  });
