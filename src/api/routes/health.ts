import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { Database } from '../../store/database.ts';

/** How long `/readyz` waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 2_000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/** `/healthz` (the process is alive) and `/readyz` (the database answers). */
export const healthRoutes =
  (db: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process answers.',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: the database answers a query.',
          response: {
            200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }),
          },
        },
      },
      async (request) => {
        try {
          await withTimeout(db.query('SELECT 1'), READY_TIMEOUT_MS);
        } catch (error) {
          request.log.warn({ err: error }, 'database not reachable');
          throw new AppError('DATABASE_UNAVAILABLE');
        }
        return { status: 'ready' as const, database: db.kind };
      },
    );
  };
