import { REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import {
  GatewayDispatchEvents,
  type GatewayGuildCreateDispatchData,
  GatewayOpcodes,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { Database } from '../store/database.ts';
import { type BatchWriter, type BatchWriterOptions, createBatchWriter } from './batch-writer.ts';
import { createDispatchHandler } from './dispatch-handler.ts';
import { toGatewayIntents } from './gateway-intents.ts';
import type { IngestMetrics } from './ingest-metrics.ts';
import { loadIngestPolicy } from './ingest-policy.ts';
import { createPrivacyInteractions } from './interactions/privacy-interactions.ts';
import { createLatencyTracker } from './normalize/latency-tracker.ts';
import { loadSessionStore } from './session-store.ts';
import { setShardsReading } from './shard-reading.ts';

/** Options of {@link createBot}. */
export interface BotOptions {
  token: string;
  /** Discord's API base (`https://discord.com/api`) or the simulator's. */
  apiUrl: string;
  /** Shards this process owns, and the total; null: Discord's recommendation, all shards. */
  shardIds?: number[] | null;
  shardCount?: number | null;
  db: Database;
  log: Logger;
  metrics: IngestMetrics;
  writer?: Omit<BatchWriterOptions, 'db' | 'log' | 'metrics'>;
  /** How often content-capture settings and opt-outs are re-read. */
  policyRefreshMs?: number;
  /** The dashboard's address, for `/privacy export`'s link. */
  publicUrl?: string | undefined;
}

/** The running bot. */
export interface Bot {
  readonly writer: BatchWriter;
  readonly manager: WebSocketManager;
  /** Re-reads opt-outs and content-capture settings now (after a privacy change). */
  refreshPolicy(): Promise<void>;
  start(): Promise<void>;
  /** Disconnects (keeping the session resumable) and commits what was received. */
  stop(): Promise<void>;
}

/**
 * Whether a GUILD_CREATE left members out (Discord lists only some in large guilds). `large`
 * alone is not enough reason: when every member is listed, asking again ingests them twice.
 */
const isMemberListPartial = (guild: GatewayGuildCreateDispatchData): boolean =>
  guild.members.length < guild.member_count;

/** Close code that is not 1000, so Discord keeps the session resumable after we stop. */
const RESUMABLE_CLOSE = 4_200;

/** Wires the gateway client, the normalizers and the batch writer. */
export const createBot = async (options: BotOptions): Promise<Bot> => {
  const { db, log, metrics } = options;
  const policy = await loadIngestPolicy(db);
  const sessions = await loadSessionStore(db, options.shardCount ?? null);
  // Set once the manager exists; the writer cannot fill up before the gateway delivers.
  let onPressure: (full: boolean) => void = () => undefined;
  const writer = createBatchWriter({
    db,
    log,
    metrics,
    onPressure: (full) => onPressure(full),
    ...options.writer,
  });
  const rest = new REST({ api: options.apiUrl, version: '10' }).setToken(options.token);
  const interactions = createPrivacyInteractions({
    db,
    rest,
    log,
    refreshPolicy: () => policy.refresh(),
    publicUrl: options.publicUrl,
  });
  let commandsRegistered = false;
  const manager = new WebSocketManager({
    token: options.token,
    intents: toGatewayIntents(policy.anyContentCapture),
    rest,
    shardIds: options.shardIds ?? null,
    shardCount: options.shardCount ?? null,
    compression: null,
    retrieveSessionInfo: (shardId) => sessions.retrieve(shardId),
    updateSessionInfo: (shardId, info) => sessions.update(shardId, info),
  });

  onPressure = (full) => setShardsReading(manager, !full);

  const handler = createDispatchHandler({
    policy,
    tracker: createLatencyTracker(),
    writer,
    sessions,
    metrics,
    log,
    onOverflow: (lastTaken) => {
      log.warn(
        { buffered: writer.buffered },
        'ingest buffer full: disconnecting until the store catches up',
      );
      void recoverFromOverflow(lastTaken);
    },
  });

  /** Drops the connection, waits for the store, then resumes from the last dispatch taken. */
  const recoverFromOverflow = async (lastTaken: ReadonlyMap<number, number | null>) => {
    const saved = new Map(
      [...lastTaken.keys()].map((shardId) => [shardId, sessions.retrieve(shardId)]),
    );
    await manager.destroy({ code: RESUMABLE_CLOSE, reason: 'ingest buffer full' });
    await writer.drain();
    for (const [shardId, info] of saved) {
      const sequence = lastTaken.get(shardId);
      if (info && sequence !== null && sequence !== undefined)
        sessions.update(shardId, { ...info, sequence });
    }
    handler.resume();
    await manager.connect();
  };

  manager.on(WebSocketShardEvents.Dispatch, (payload, shardId) => {
    handler.handle(payload, shardId);
    if (payload.t === GatewayDispatchEvents.Ready && !commandsRegistered) {
      commandsRegistered = true;
      interactions
        .register(payload.d.application.id)
        .catch((error: unknown) => log.warn({ err: error }, '/privacy registration failed'));
    }
    if (payload.t === GatewayDispatchEvents.InteractionCreate) {
      interactions
        .handle(payload.d)
        .catch((error: unknown) => log.warn({ err: error }, 'interaction answer failed'));
    }
    if (payload.t === GatewayDispatchEvents.GuildCreate && isMemberListPartial(payload.d)) {
      // A large guild's GUILD_CREATE lists only some members: ask for the rest (they arrive
      // as GUILD_MEMBERS_CHUNK). https://discord.com/developers/docs/events/gateway-events#request-guild-members
      Promise.resolve(
        manager.send(shardId, {
          op: GatewayOpcodes.RequestGuildMembers,
          d: { guild_id: payload.d.id, query: '', limit: 0, presences: true },
        }),
      ).catch((error: unknown) => log.warn({ err: error, shardId }, 'member request failed'));
    }
  });
  manager.on(WebSocketShardEvents.Error, (error, shardId) =>
    log.warn({ err: error, shardId }, 'gateway error'),
  );
  let refresher: NodeJS.Timeout | undefined;

  return {
    writer,
    manager,
    refreshPolicy: () => policy.refresh(),
    start: async () => {
      await manager.connect();
      refresher = setInterval(() => {
        policy
          .refresh()
          .catch((error: unknown) => log.warn({ err: error }, 'policy refresh failed'));
      }, options.policyRefreshMs ?? 5_000);
      refresher.unref();
    },
    stop: async () => {
      if (refresher) clearInterval(refresher);
      await manager.destroy({ code: RESUMABLE_CLOSE, reason: 'stopping' });
      await writer.drain();
      writer.close();
    },
  };
};
