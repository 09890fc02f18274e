import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll } from 'vitest';
import { toCallbackUrl } from '../../api/auth/auth-options.ts';
import {
  createDiscordSimulator,
  type DiscordSimulator,
} from '../../simulator/discord-simulator.ts';
import type { SimUser } from '../../simulator/simulator-state.ts';
import { toSnowflake } from '../../simulator/snowflake.ts';
import type { Database } from '../../store/database.ts';
import type { RedisClient } from '../../store/redis.ts';
import { type App, type AppDeps, createApp } from '../app.ts';
import { testAuthOptions } from './test-auth-options.ts';

const user = (n: number, guilds: SimUser['guilds'] = []): SimUser => ({
  user: {
    id: toSnowflake(Date.UTC(2021, 0, 1), n),
    username: `user${n}`,
    discriminator: '0',
    global_name: `User ${n}`,
    avatar: null,
  },
  guilds,
});

/** Guild ids: owned, Administrator, Manage Server, plain member, bot-less, and nobody's. */
export const guildIds = {
  owned: toSnowflake(Date.UTC(2022, 0, 1), 1),
  administrator: toSnowflake(Date.UTC(2022, 0, 1), 2),
  manageServer: toSnowflake(Date.UTC(2022, 0, 1), 3),
  member: toSnowflake(Date.UTC(2022, 0, 1), 4),
  withoutBot: toSnowflake(Date.UTC(2022, 0, 1), 5),
  foreign: toSnowflake(Date.UTC(2022, 0, 1), 6),
};

/** Alice manages three guilds the bot knows (and one it does not); Bob manages nothing. */
export const alice = user(1, [
  { id: guildIds.owned, name: 'Owned', owner: true, permissions: '0' },
  { id: guildIds.administrator, name: 'Administrator', permissions: '8' },
  { id: guildIds.manageServer, name: 'Manage Server', permissions: '32' },
  { id: guildIds.member, name: 'Member', permissions: '1024' },
  { id: guildIds.withoutBot, name: 'Without bot', owner: true, permissions: '0' },
]);
export const bob = user(2, [{ id: guildIds.member, name: 'Member', permissions: '1024' }]);
export const carol = user(3);

/** Rows the bot would have stored: every guild but the bot-less one. */
export const insertKnownGuilds = async (db: Database): Promise<void> => {
  for (const [name, id] of Object.entries(guildIds)) {
    if (id === guildIds.withoutBot) continue;
    await db.query(`INSERT INTO "Guild" (id, name) VALUES ($1, $2)`, [id, name]);
  }
};

/** The app wired to a simulator as Discord, with a settable clock. */
export interface AccessHarness {
  app: App;
  sim: DiscordSimulator;
  clock: { nowMs: number };
  /** Every log line the app wrote (level debug and up), to prove secrets stay out of logs. */
  logs: string[];
}

export const PUBLIC_URL = 'http://spywatcher.test';

/** What a harness app may share with others: Redis (and its key prefix), the admins. */
export interface HarnessOptions {
  adminDiscordIds?: string[];
  redis?: RedisClient | undefined;
  redisKeyPrefix?: string;
}

/** Another app on the same database, simulator and clock (e.g. a second API process). */
export const createHarnessApp = (
  db: Database,
  sim: DiscordSimulator,
  clock: { nowMs: number },
  options: HarnessOptions & { logs?: string[]; deps?: Partial<AppDeps> } = {},
): Promise<App> => {
  const logs = options.logs ?? [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  return createApp({
    db,
    log,
    metrics: new Registry(),
    now: () => new Date(clock.nowMs),
    redis: options.redis,
    auth: testAuthOptions({
      publicUrl: PUBLIC_URL,
      adminDiscordIds: options.adminDiscordIds ?? [],
      ...(options.redisKeyPrefix === undefined ? {} : { redisKeyPrefix: options.redisKeyPrefix }),
      discord: {
        apiUrl: sim.apiUrl,
        clientId: sim.application.clientId,
        clientSecret: sim.application.clientSecret,
      },
    }),
    ...options.deps,
  });
};

/** Starts the simulator and the app for a test file; `db` is the file's test database. */
export const useAccessHarness = (
  db: () => Database,
  options: HarnessOptions = {},
): (() => AccessHarness) => {
  let harness: AccessHarness | undefined;
  beforeAll(async () => {
    const sim = await createDiscordSimulator({
      users: [alice, bob, carol],
      application: { redirectUris: [toCallbackUrl(PUBLIC_URL)] },
    });
    const clock = { nowMs: Date.now() };
    const logs: string[] = [];
    const app = await createHarnessApp(db(), sim, clock, { ...options, logs });
    harness = { app, sim, clock, logs };
  });
  afterAll(async () => {
    await harness?.app.close();
    await harness?.sim.close();
  });
  return () => {
    if (!harness) throw new Error('The access harness is not started yet.');
    return harness;
  };
};

/** Follows `/auth/login` to the simulator; answers the callback path (with code and state). */
export const authorizeAt = async (harness: AccessHarness, simUserId: string): Promise<string> => {
  const login = await harness.app.inject({ method: 'GET', url: '/api/v1/auth/login' });
  const authorize = new URL(String(login.headers.location));
  authorize.searchParams.set('sim_user', simUserId);
  const consent = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(String(consent.headers.get('location')));
  return `${callback.pathname}${callback.search}`;
};

/** Tokens as the callback and refresh answer them. */
export interface LoginTokens {
  accessToken: string;
  refreshToken: string;
  user: { id: string; role: string };
}

/** A full login of a simulated user as a non-browser client. */
export const loginAs = async (
  harness: AccessHarness,
  simUserId: string,
  headers: Record<string, string> = {},
): Promise<LoginTokens> => {
  const url = await authorizeAt(harness, simUserId);
  const response = await harness.app.inject({
    method: 'GET',
    url,
    headers: { accept: 'application/json', 'user-agent': 'vitest', ...headers },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  return response.json();
};

/** `Authorization` header for an access token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** `Authorization` header for an API key. */
export const keyHeader = (key: string) => ({ authorization: `Bearer ${key}` });

/** Creates an API key over HTTP with an access token; returns the plaintext and the key's id. */
export const createKeyAs = async (
  harness: AccessHarness,
  accessToken: string,
  body: { name?: string; tier?: string; expiresAt?: string } = {},
): Promise<{ key: string; id: string }> => {
  const response = await harness.app.inject({
    method: 'POST',
    url: '/api/v1/keys',
    headers: bearer(accessToken),
    payload: { name: 'test key', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`key creation failed: ${response.body}`);
  const json = response.json();
  return { key: json.key, id: json.apiKey.id };
};
