import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { type App, createApp } from '../api/app.ts';
import type { AuthOptions } from '../api/auth/auth-options.ts';
import type { Config } from '../config/config.ts';
import type { Database } from '../store/database.ts';
import { toLocalUrl } from './to-auth-options.ts';

/** The HTTP side of a running product. */
export interface Served {
  app: App;
  metrics: Registry;
  /** `http://host:port`, as a person would open it. */
  url: string;
}

/** Builds the app on `db` and listens on the configured address. */
export const serve = async (
  config: Config,
  db: Database,
  log: Logger,
  auth: AuthOptions,
): Promise<Served> => {
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const app = await createApp({ db, log, metrics, auth });
  await app.listen({ port: config.PORT, host: config.HOST });
  return { app, metrics, url: toLocalUrl(config) };
};
