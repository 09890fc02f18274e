import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../store/postgres-database.ts';
import { testBackends, useTestDatabase } from '../store/testing/test-database.ts';
import { type App, createApp } from './app.ts';
import { testAuthOptions } from './testing/test-auth-options.ts';

const silent = pino({ level: 'silent' });

for (const backend of testBackends()) {
  describe(`HTTP skeleton on ${backend.name}`, () => {
    const db = useTestDatabase(backend);
    let app: App;
    beforeAll(async () => {
      app = await createApp({
        db: db(),
        log: silent,
        metrics: new Registry(),
        auth: testAuthOptions(),
      });
    });
    afterAll(() => app.close());

    it('answers /healthz', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    });

    it('answers /readyz when the database answers', async () => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ready', database: backend.name });
    });

    it('answers an unknown route with a catalogued 404', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/nothing?token=secret' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nothing.' },
      });
    });

    it('serves the OpenAPI document and the interactive docs with their assets', async () => {
      const document = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(document.statusCode).toBe(200);
      expect(Object.keys(document.json().paths)).toEqual(
        expect.arrayContaining([
          '/healthz',
          '/readyz',
          '/api/v1/auth/login',
          '/api/v1/auth/callback',
          '/api/v1/auth/refresh',
          '/api/v1/auth/logout',
          '/api/v1/auth/sessions',
          '/api/v1/auth/sessions/{id}',
          '/api/v1/me',
          '/api/v1/guilds',
          '/api/v1/guilds/{guildId}',
        ]),
      );
      const sessions = document.json().paths['/api/v1/auth/sessions'].get;
      expect(sessions.tags).toEqual(['auth']);
      expect(sessions.security).toEqual([{ bearer: [] }]);
      const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      const css = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
      expect(css.statusCode).toBe(200);
    });

    it('answers login with 503 LOGIN_NOT_CONFIGURED without Discord credentials', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/auth/login' });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('LOGIN_NOT_CONFIGURED');
    });

    it('serves Prometheus metrics', async () => {
      const registry = new Registry();
      registry.setDefaultLabels({ app: 'spywatcher' });
      const withMetrics = await createApp({
        db: db(),
        log: silent,
        metrics: registry,
        auth: testAuthOptions(),
      });
      const response = await withMetrics.inject({ method: 'GET', url: '/metrics' });
      await withMetrics.close();
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain');
    });
  });
}

describe('/readyz with the database down', () => {
  it('answers 503 DATABASE_UNAVAILABLE', async () => {
    // A real driver against a port where nothing listens.
    const db = await openPostgresDatabase({ url: 'postgres://nobody@127.0.0.1:1/none' });
    const app = await createApp({
      db,
      log: silent,
      metrics: new Registry(),
      auth: testAuthOptions(),
    });
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    await app.close();
    await db.close();
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('DATABASE_UNAVAILABLE');
  });
});
