import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DiscordAPIError } from '@discordjs/rest';
import type { SessionInfo } from '@discordjs/ws';
import {
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  GatewayOpcodes,
  GatewayIntentBits as Intents,
} from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordSimulator, type DiscordSimulator } from './discord-simulator.ts';
import { buildLargeGuild } from './scenario/build-large-guild.ts';
import { createScenario, type Scenario } from './scenario/create-scenario.ts';
import { driveScenario } from './scenario/drive-scenario.ts';
import { toMessageCreate } from './scenario/message-payloads.ts';
import { toPresenceUpdate } from './scenario/presence-payloads.ts';
import { createTestClient, type TestClient } from './testing/test-client.ts';

const ALL =
  Intents.Guilds |
  Intents.GuildMembers |
  Intents.GuildPresences |
  Intents.GuildMessages |
  Intents.MessageContent |
  Intents.GuildMessageTyping |
  Intents.GuildMessageReactions |
  Intents.GuildModeration |
  Intents.GuildVoiceStates;

let scenario: Scenario;
let sim: DiscordSimulator;
const clients: TestClient[] = [];

const connect = (options: Omit<Parameters<typeof createTestClient>[0], 'sim'>): TestClient => {
  const client = createTestClient({ sim, ...options });
  clients.push(client);
  return client;
};

const presenceOf = (userId: string, status: 'online' | 'idle') =>
  toPresenceUpdate({ guildId: scenario.guild.id, userId, status, platforms: ['desktop'] });

const messageFrom = (content: string) => {
  const author = scenario.guild.members[1];
  if (!author) throw new Error('the scenario guild has members');
  return toMessageCreate({
    id: '1325614927213494473',
    guildId: scenario.guild.id,
    channelId: scenario.guild.channels?.[0]?.id ?? '',
    author,
    content,
    atMs: scenario.startMs,
  });
};

const ofType = <T>(client: TestClient, type: string): T[] =>
  client.dispatches.filter((payload) => payload.t === type).map((payload) => payload.d as T);

/** Polls until `check` holds. */
const first = async (check: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

beforeEach(async () => {
  scenario = createScenario({ seed: 'gateway', durationMs: 600_000 });
  sim = await createDiscordSimulator({
    bot: scenario.bot,
    guilds: [scenario.guild],
    gateway: { heartbeatIntervalMs: 200 },
  });
});

afterEach(async () => {
  for (const client of clients.splice(0)) await client.destroy();
  await sim.close();
});

describe('gateway with @discordjs/ws', () => {
  it('identifies, gets READY then GUILD_CREATE, heartbeats, and receives pushed dispatches', async () => {
    const client = connect({ intents: ALL });
    await client.manager.connect();
    await client.waitUntil(() => client.eventNames().includes('GUILD_CREATE'));
    expect(client.eventNames().slice(0, 2)).toEqual(['READY', 'GUILD_CREATE']);
    const [ready] = client.dispatches;
    expect(ready?.t === 'READY' && ready.d.resume_gateway_url).toBe(`${sim.gatewayUrl}/resume`);
    const [guild] = ofType<GatewayGuildCreateDispatchData>(client, 'GUILD_CREATE');
    expect(guild?.members.length).toBe(scenario.guild.members.length + 1);
    expect(guild?.roles.length).toBe(scenario.guild.roles.length);

    const userId = scenario.cast.lurker[0] ?? '';
    expect(sim.dispatch(scenario.guild.id, 'PRESENCE_UPDATE', presenceOf(userId, 'idle'))).toBe(1);
    const pushed = await client.waitUntil(() =>
      client.dispatches.find((p) => p.t === 'PRESENCE_UPDATE'),
    );
    expect(pushed.s).toBe(3);
    expect(pushed.d).toEqual(presenceOf(userId, 'idle'));
    await client.waitUntil(() => sim.counters.heartbeats >= 2);
    expect(client.debug.some((line) => line.includes('First heartbeat sent'))).toBe(true);
    expect(sim.listSessions()[0]?.properties.browser).toMatch(/@discordjs\/ws/);
  });

  it('resumes a crashed client in a fresh manager and replays what it missed', async () => {
    const first = connect({ intents: ALL });
    await first.manager.connect();
    sim.dispatch(
      scenario.guild.id,
      'PRESENCE_UPDATE',
      presenceOf(scenario.cast.ghost[0] ?? '', 'online'),
    );
    await first.waitUntil(() => first.dispatches.length === 3);
    const stored = await first.crash();
    expect(stored?.sequence).toBe(3);
    await first.waitUntil(() => sim.listSessions()[0]?.connected === false);
    // Missed while no process was connected.
    sim.dispatch(
      scenario.guild.id,
      'PRESENCE_UPDATE',
      presenceOf(scenario.cast.ghost[1] ?? '', 'idle'),
    );
    sim.dispatch(scenario.guild.id, 'MESSAGE_CREATE', messageFrom('while you were away'));

    // The restarted process committed only up to READY: GUILD_CREATE onwards comes back.
    if (!stored) throw new Error('the first client stored a session');
    const second = connect({ intents: ALL, session: { ...stored, sequence: 1 } });
    await second.manager.connect();
    await second.waitUntil(() => second.eventNames().includes('RESUMED'));
    expect(second.eventNames()).toEqual([
      'GUILD_CREATE',
      'PRESENCE_UPDATE',
      'PRESENCE_UPDATE',
      'MESSAGE_CREATE',
      'RESUMED',
    ]);
    expect(second.dispatches.map((payload) => payload.s)).toEqual([2, 3, 4, 5, 6]);
    expect(second.debug.some((line) => line.includes(`${sim.gatewayUrl}/resume?v=10`))).toBe(true);
    expect(sim.counters).toMatchObject({ identifies: 1, resumes: 1, framesReplayed: 4 });
  });

  it('resumes after the client process was killed with SIGKILL', async () => {
    const childPath = fileURLToPath(new URL('./testing/crash-child.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', childPath, sim.apiUrl, sim.botToken],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let last: SessionInfo | undefined;
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      last = JSON.parse(line) ?? last;
    });
    await first(() => last?.sequence === 2, 10_000);
    sim.dispatch(
      scenario.guild.id,
      'PRESENCE_UPDATE',
      presenceOf(scenario.cast.ghost[0] ?? '', 'idle'),
    );
    await first(() => last?.sequence === 3);
    child.kill('SIGKILL');
    await once(child, 'exit');
    await first(() => sim.listSessions()[0]?.connected === false);
    sim.dispatch(
      scenario.guild.id,
      'PRESENCE_UPDATE',
      presenceOf(scenario.cast.ghost[1] ?? '', 'idle'),
    );

    const restarted = connect({
      intents: Intents.Guilds | Intents.GuildPresences,
      ...(last ? { session: last } : {}),
    });
    await restarted.manager.connect();
    expect(restarted.eventNames()).toEqual(['PRESENCE_UPDATE', 'RESUMED']);
    expect(restarted.dispatches[0]?.s).toBe(4);
  });

  it('fails a RESUME of an ended session with op 9 and the client identifies again', async () => {
    const first = connect({ intents: ALL });
    await first.manager.connect();
    const stored = first.session;
    await first.destroy(); // close 1000: Discord ends the session
    if (!stored) throw new Error('the first client stored a session');
    const second = connect({ intents: ALL, session: stored });
    await second.manager.connect();
    expect(second.eventNames().slice(0, 2)).toEqual(['READY', 'GUILD_CREATE']);
    expect(sim.counters).toMatchObject({ identifies: 2, failedResumes: 1 });
  });

  it('closes with 4004 on a bad token, and the client gives up', async () => {
    const client = connect({ intents: ALL, token: 'not-the-token' });
    await expect(client.manager.connect()).rejects.toThrow('Authentication failed');
    expect(client.closeCodes).toContain(4_004);
    expect(sim.counters.closesByCode['4004']).toBe(1);
    expect(sim.listSessions()).toEqual([]);
  });

  it('rejects a bad token on REST with a Discord-shaped 401', async () => {
    const client = connect({ intents: ALL });
    client.rest.setToken('bad-token');
    const failure = await client.rest.get('/users/@me').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect(failure).toMatchObject({
      status: 401,
      rawError: { message: '401: Unauthorized', code: 0 },
    });
  });

  it('filters dispatches by intent and strips content without MessageContent', async () => {
    const client = connect({ intents: Intents.Guilds | Intents.GuildMessages });
    await client.manager.connect();
    sim.dispatch(
      scenario.guild.id,
      'PRESENCE_UPDATE',
      presenceOf(scenario.cast.ghost[0] ?? '', 'idle'),
    );
    sim.dispatch(scenario.guild.id, 'TYPING_START', { guild_id: scenario.guild.id });
    sim.dispatch(scenario.guild.id, 'MESSAGE_CREATE', messageFrom('a secret'));
    await client.waitUntil(() => client.eventNames().includes('MESSAGE_CREATE'));
    expect(client.eventNames()).toEqual(['READY', 'GUILD_CREATE', 'MESSAGE_CREATE']);
    const [message] = ofType<GatewayMessageCreateDispatchData>(client, 'MESSAGE_CREATE');
    expect(message?.content).toBe('');
    const [guild] = ofType<GatewayGuildCreateDispatchData>(client, 'GUILD_CREATE');
    expect(guild?.presences).toEqual([]);
    expect(guild?.members.map((member) => member.user.id)).toEqual([scenario.bot.id]);
    expect(sim.counters.filteredByIntent).toBe(2);
  });

  it('closes with 4014 when a privileged intent is not enabled for the app', async () => {
    await sim.close();
    sim = await createDiscordSimulator({
      guilds: [scenario.guild],
      application: { privilegedIntents: Intents.GuildMembers },
    });
    const client = connect({ intents: Intents.Guilds | Intents.GuildPresences });
    await expect(client.manager.connect()).rejects.toThrow('Used disallowed intents');
    expect(client.closeCodes).toContain(4_014);
  });

  it('makes the client resume on op 7 RECONNECT and re-identify on op 9', async () => {
    const client = connect({ intents: ALL });
    await client.manager.connect();
    sim.reconnect();
    await client.waitUntil(() => client.eventNames().includes('RESUMED'));
    sim.dispatch(
      scenario.guild.id,
      'PRESENCE_UPDATE',
      presenceOf(scenario.cast.ghost[0] ?? '', 'idle'),
    );
    await client.waitUntil(() => client.eventNames().at(-1) === 'PRESENCE_UPDATE');
    sim.invalidateSession();
    await client.waitUntil(
      () => client.eventNames().filter((name) => name === 'READY').length === 2,
    );
    expect(sim.counters).toMatchObject({ identifies: 2, resumes: 1 });
    expect(sim.listSessions()).toHaveLength(1);
  });

  it('answers Request Guild Members with chunks, then rate limits the next full request', async () => {
    const large = buildLargeGuild({ seed: 'chunks', memberCount: 2_500 });
    await sim.close();
    sim = await createDiscordSimulator({ bot: large.bot, guilds: [large.guild] });
    const client = connect({ intents: ALL });
    await client.manager.connect();
    const request = {
      guild_id: large.guild.id,
      query: '',
      limit: 0,
      presences: true,
      nonce: 'all',
    };
    await client.manager.send(0, { op: GatewayOpcodes.RequestGuildMembers, d: request });
    await client.manager.send(0, { op: GatewayOpcodes.RequestGuildMembers, d: request });
    await client.waitUntil(() => client.eventNames().includes('RATE_LIMITED'));
    const chunks = client.dispatches.filter((p) => p.t === 'GUILD_MEMBERS_CHUNK');
    expect(
      chunks.map((p) => p.t === 'GUILD_MEMBERS_CHUNK' && [p.d.chunk_index, p.d.members.length]),
    ).toEqual([
      [0, 1_000],
      [1, 1_000],
      [2, 501],
    ]);
    const limited = client.dispatches.find((p) => p.t === 'RATE_LIMITED') as GatewayDispatchPayload;
    expect(limited.d).toMatchObject({
      opcode: 8,
      meta: { guild_id: large.guild.id, nonce: 'all' },
    });
    expect(sim.counters).toMatchObject({ memberRequests: 2, memberRequestsRateLimited: 1 });
  });

  it('delivers a whole driven scenario in order, exactly once', async () => {
    const client = connect({ intents: ALL });
    await client.manager.connect();
    const result = await driveScenario({ sim, events: scenario.events });
    expect(result.sent).toBe(scenario.events.length);
    await client.waitUntil(() => client.dispatches.length === scenario.events.length + 2, 10_000);
    const received = client.dispatches.slice(2);
    expect(received.map((payload) => payload.t)).toEqual(
      scenario.events.map((event) => event.event),
    );
    expect(received.map((payload) => payload.s)).toEqual(received.map((_, index) => index + 3));
    expect(received.at(-1)?.d).toEqual(scenario.events.at(-1)?.data);
  });
});
