import { afterAll, beforeAll } from 'vitest';
import { createDiscordSimulator } from '../../simulator/discord-simulator.ts';
import type { Database } from '../../store/database.ts';
import type { AppDeps } from '../app.ts';
import { toCallbackUrl } from '../auth/auth-options.ts';
import {
  type AccessHarness,
  alice,
  bob,
  carol,
  createHarnessApp,
  PUBLIC_URL,
} from './access-harness.ts';

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
    const app = await createHarnessApp(db(), sim, clock, { logs, deps: await extra() });
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
