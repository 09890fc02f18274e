import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll } from 'vitest';
import { createDiscordSimulator } from '../../simulator/discord-simulator.ts';
import type { Database } from '../../store/database.ts';
import { type AppDeps, createApp } from '../app.ts';
import { toCallbackUrl } from '../auth/auth-options.ts';
import { type AccessHarness, alice, bob, carol } from './access-harness.ts';
import { testAuthOptions } from './test-auth-options.ts';

const PUBLIC_URL = 'http://spywatcher.test';

/** The access harness plus the app's listening address (`ws://…` base). */
export interface LiveAppHarness extends AccessHarness {
  wsUrl: string;
}

/**
 * Like `useAccessHarness`, with extra app dependencies (bus, cache, live timings) and the app
 * listening on a free port, for WebSocket clients. `extra` is called once, before the app.
 */
export const useLiveAppHarness = (
  db: () => Database,
  extra: () => Promise<Partial<AppDeps>> | Partial<AppDeps> = () => ({}),
): (() => LiveAppHarness) => {
  let harness: LiveAppHarness | undefined;
  beforeAll(async () => {
    const sim = await createDiscordSimulator({
      users: [alice, bob, carol],
      application: { redirectUris: [toCallbackUrl(PUBLIC_URL)] },
    });
    const clock = { nowMs: Date.now() };
    const logs: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
    const app = await createApp({
      db: db(),
      log,
      metrics: new Registry(),
      now: () => new Date(clock.nowMs),
      auth: testAuthOptions({
        publicUrl: PUBLIC_URL,
        discord: {
          apiUrl: sim.apiUrl,
          clientId: sim.application.clientId,
          clientSecret: sim.application.clientSecret,
        },
      }),
      ...(await extra()),
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    harness = { app, sim, clock, logs, wsUrl: address.replace(/^http/, 'ws') };
  });
  afterAll(async () => {
    await harness?.app.close();
    await harness?.sim.close();
  });
  return () => {
    if (!harness) throw new Error('The live app harness is not started yet.');
    return harness;
  };
};
