import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../store/pglite-database.ts';
import { createApp } from './app.ts';
import { testAuthOptions } from './testing/test-auth-options.ts';

interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

/** The document as served, from an app over an empty migrated database. */
const db = await openPgliteDatabase({ inMemory: true });
await db.migrate();
const app = await createApp({
  db,
  log: pino({ level: 'silent' }),
  metrics: new Registry(),
  auth: testAuthOptions(),
});
const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
  paths: Record<string, Record<string, Operation>>;
};
afterAll(async () => {
  await app.close();
  await db.close();
});

const operations = Object.entries(document.paths)
  .filter(([path]) => path.startsWith('/api/v1/'))
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      method,
      operation,
    })),
  );

const hasSchema = (response: { content?: Record<string, { schema?: object }> } | undefined) =>
  Object.values(response?.content ?? {}).some(
    (media) => media.schema !== undefined && Object.keys(media.schema).length > 0,
  );

/**
 * What a route's documentation lacks: a described success response (a 204, a redirect or a
 * WebSocket's 101 needs no body), 401 when it needs a token, 400 when it takes input, and every path parameter.
 */
const toProblems = ({ path, operation }: (typeof operations)[number]): string[] => {
  const problems: string[] = [];
  const responses = operation.responses ?? {};
  const successes = Object.keys(responses).filter((status) => /^(101|[23]\d\d)$/.test(status));
  if (successes.length === 0) problems.push('no success response');
  for (const status of successes.filter((status) => /^2\d\d$/.test(status) && status !== '204')) {
    if (!hasSchema(responses[status])) problems.push(`${status} has no response schema`);
  }
  if ((operation.security ?? []).length > 0 && !responses['401']) problems.push('no 401 response');
  const parameters = operation.parameters ?? [];
  const takesInput = parameters.length > 0 || operation.requestBody !== undefined;
  if (takesInput && !responses['400']) problems.push('takes input but documents no 400');
  for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1])) {
    if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === name)) {
      problems.push(`path parameter ${name} is not described`);
    }
  }
  return problems;
};

describe('the OpenAPI document', () => {
  it('covers the access routes', () => {
    const names = operations.map((operation) => operation.name);
    for (const name of [
      'GET /api/v1/auth/login',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
      'POST /api/v1/keys',
      'GET /api/v1/keys/{id}/usage',
      'POST /api/v1/admin/ip-blocks',
      'POST /api/v1/admin/users/{discordId}/ban',
      'GET /api/v1/audit-log',
    ]) {
      expect(names).toContain(name);
    }
  });

  // One case per route, so a report names exactly the routes whose documentation is short.
  it.each(operations)('$name documents its request and responses', (operation) => {
    expect({ route: operation.name, problems: toProblems(operation) }).toEqual({
      route: operation.name,
      problems: [],
    });
  });
});
