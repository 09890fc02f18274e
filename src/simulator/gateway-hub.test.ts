import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayIntentBits as Intents, GatewayOpcodes as Op } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDiscordSimulator, type DiscordSimulator } from './discord-simulator.ts';
import type { GatewayOptions } from './gateway-options.ts';
import type { SimGuild } from './guild-state.ts';
import { toShardId, toSnowflake } from './snowflake.ts';

interface Frame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

const guildAt = (index: number): SimGuild => ({
  id: toSnowflake(Date.UTC(2021, 0, 1) + index * 1_001),
  name: `Guild ${index}`,
  ownerId: toSnowflake(Date.UTC(2019, 0, 1)),
  roles: [],
  members: [],
});
const guilds = [0, 1, 2, 3].map(guildAt);

let sim: DiscordSimulator;

const start = async (gateway: Partial<GatewayOptions> = {}) => {
  sim = await createDiscordSimulator({
    guilds,
    gateway: { heartbeatIntervalMs: 1_000, ...gateway },
  });
};

/** A bare WebSocket client speaking the gateway protocol by hand. */
const open = async (query = '?v=10&encoding=json') => {
  const ws = new WebSocket(`${sim.gatewayUrl}${query}`);
  const frames: Frame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await once(ws, 'open');
  const waitFor = async (check: (frame: Frame) => boolean): Promise<Frame> => {
    for (let tries = 0; tries < 300; tries += 1) {
      const found = frames.find(check);
      if (found) return found;
      await sleep(10);
    }
    throw new Error('frame never came');
  };
  return {
    ws,
    frames,
    closed,
    waitFor,
    send: (op: number, d: unknown) => ws.send(JSON.stringify({ op, d })),
    identify: (d: Record<string, unknown> = {}) =>
      ws.send(
        JSON.stringify({
          op: Op.Identify,
          d: { token: sim.botToken, intents: Intents.Guilds, properties: {}, ...d },
        }),
      ),
  };
};

const until = async (check: () => boolean): Promise<void> => {
  for (let tries = 0; tries < 300 && !check(); tries += 1) await sleep(10);
  expect(check()).toBe(true);
};

afterEach(async () => {
  await sim.close();
});

describe('gateway protocol', () => {
  it('greets with HELLO in JSON, even when zlib-stream compression is asked for', async () => {
    await start();
    const client = await open('?v=10&encoding=json&compress=zlib-stream');
    const hello = await client.waitFor((frame) => frame.op === Op.Hello);
    expect(hello).toEqual({ op: Op.Hello, d: { heartbeat_interval: 1_000 }, s: null, t: null });
    client.send(Op.Heartbeat, null);
    await client.waitFor((frame) => frame.op === Op.HeartbeatAck);
    client.ws.close();
  });

  it.each([
    ['an unknown opcode', 4_001, (c: Awaited<ReturnType<typeof open>>) => c.send(42, null)],
    [
      'a request before IDENTIFY',
      4_003,
      (c: Awaited<ReturnType<typeof open>>) => c.send(Op.RequestGuildMembers, {}),
    ],
    ['invalid JSON', 4_002, (c: Awaited<ReturnType<typeof open>>) => c.ws.send('{nope')],
    [
      'unknown intent bits',
      4_013,
      (c: Awaited<ReturnType<typeof open>>) => c.identify({ intents: 1 << 30 }),
    ],
    [
      'a shard outside the count',
      4_010,
      (c: Awaited<ReturnType<typeof open>>) => c.identify({ shard: [2, 2] }),
    ],
    [
      'a second IDENTIFY',
      4_005,
      (c: Awaited<ReturnType<typeof open>>) => {
        c.identify();
        c.identify();
      },
    ],
  ])('closes on %s with %i', async (_name, code, act) => {
    await start();
    const client = await open();
    act(client);
    expect(await client.closed).toBe(code);
    expect(sim.counters.closesByCode[String(code)]).toBe(1);
  });

  it('closes with 4012 for another API version', async () => {
    await start();
    const client = await open('?v=9&encoding=json');
    expect(await client.closed).toBe(4_012);
  });

  it('closes with 4009 when heartbeats stop, and the session ends', async () => {
    await start({ heartbeatTimeoutMs: 100 });
    const client = await open();
    client.identify();
    expect(await client.closed).toBe(4_009);
    await until(() => sim.listSessions().length === 0);
  });

  it('closes with 4008 past the send limit (heartbeats excepted)', async () => {
    await start({ sendLimitPerMinute: 3 });
    const client = await open();
    for (let beat = 0; beat < 5; beat += 1) client.send(Op.Heartbeat, null);
    client.identify();
    for (let update = 0; update < 3; update += 1)
      client.send(Op.PresenceUpdate, { status: 'online' });
    expect(await client.closed).toBe(4_008);
  });

  it('sends each shard only its guilds, and routes dispatches by guild_id >> 22', async () => {
    await start();
    const shard = await open();
    shard.identify({ shard: [1, 2] });
    await shard.waitFor((frame) => frame.t === 'READY');
    const mine = guilds.filter((guild) => toShardId(guild.id, 2) === 1);
    const theirs = guilds.find((guild) => toShardId(guild.id, 2) === 0);
    expect(mine.length).toBeGreaterThan(0);
    await shard.waitFor((frame) => frame.t === 'GUILD_CREATE' && frame.s === mine.length + 1);
    const created = shard.frames.filter((frame) => frame.t === 'GUILD_CREATE');
    expect(created.map((frame) => (frame.d as { id: string }).id)).toEqual(
      mine.map((guild) => guild.id),
    );
    expect(sim.dispatch(theirs?.id ?? '0', 'GUILD_UPDATE', { id: theirs?.id })).toBe(0);
    expect(sim.dispatch(mine[0]?.id ?? '0', 'GUILD_UPDATE', { id: mine[0]?.id })).toBe(1);
    shard.ws.close();
  });

  it('answers RESUME with 4007 beyond the last sequence and op 9 once the buffer moved on', async () => {
    await start({ replayBufferSize: 2 });
    const first = await open();
    first.identify();
    const ready = await first.waitFor((frame) => frame.t === 'READY');
    const sessionId = (ready.d as { session_id: string }).session_id;
    first.ws.close(4_000);
    await first.closed;
    const guildId = guilds[0]?.id ?? '';
    for (let index = 0; index < 3; index += 1)
      sim.dispatch(guildId, 'GUILD_UPDATE', { id: guildId });

    const tooFar = await open('?v=10&encoding=json');
    tooFar.send(Op.Resume, { token: sim.botToken, session_id: sessionId, seq: 99 });
    expect(await tooFar.closed).toBe(4_007);
    // 4007 ends the session, so resume another one whose buffer has moved on.
    const second = await open();
    second.identify();
    const again = await second.waitFor((frame) => frame.t === 'READY');
    second.ws.close(4_000);
    await second.closed;
    for (let index = 0; index < 3; index += 1)
      sim.dispatch(guildId, 'GUILD_UPDATE', { id: guildId });
    const stale = await open();
    stale.send(Op.Resume, {
      token: sim.botToken,
      session_id: (again.d as { session_id: string }).session_id,
      seq: 1,
    });
    expect(await stale.waitFor((frame) => frame.op === Op.InvalidSession)).toMatchObject({
      d: false,
    });
    stale.ws.close();
  });

  it('keeps a session resumable after an abrupt disconnect and replays on RESUME', async () => {
    await start();
    const first = await open();
    first.identify();
    const ready = await first.waitFor((frame) => frame.t === 'READY');
    const guildId = guilds[0]?.id ?? '';
    sim.terminateAll();
    await first.closed;
    sim.dispatch(guildId, 'GUILD_UPDATE', { id: guildId, name: 'renamed' });
    const second = await open();
    second.send(Op.Resume, {
      token: sim.botToken,
      session_id: (ready.d as { session_id: string }).session_id,
      seq: 5,
    });
    const resumed = await second.waitFor((frame) => frame.t === 'RESUMED');
    expect(
      second.frames.filter((frame) => frame.op === 0).map((frame) => [frame.t, frame.s]),
    ).toEqual([
      ['GUILD_UPDATE', 6],
      ['RESUMED', 7],
    ]);
    expect(resumed.s).toBe(7);
    second.ws.close();
  });

  it('adds and removes guilds live: GUILD_CREATE, then GUILD_DELETE', async () => {
    await start();
    const client = await open();
    client.identify();
    await client.waitFor((frame) => frame.t === 'READY');
    const added = guildAt(9);
    sim.addGuild(added);
    await client.waitFor(
      (frame) => frame.t === 'GUILD_CREATE' && (frame.d as { id: string }).id === added.id,
    );
    sim.removeGuild(added.id);
    const deleted = await client.waitFor((frame) => frame.t === 'GUILD_DELETE');
    expect(deleted.d).toEqual({ id: added.id });
    expect(sim.getGuild(added.id)).toBeUndefined();
    client.ws.close();
  });
});
