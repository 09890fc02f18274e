import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { isAppError } from '../errors/app-error.ts';
import type { EventBus } from './event-bus.ts';
import { liveCloseCodes, toCloseCode } from './live-close-codes.ts';
import type { LiveEvent } from './live-event.ts';
import { parseClientMessage } from './parse-client-message.ts';

/** A credential accepted for one guild, until `expiresAt` (null: no expiry, e.g. an API key). */
export interface LiveGrant {
  expiresAt: Date | null;
}

/** Options of {@link serveLiveConnection}. */
export interface LiveConnectionOptions {
  socket: WebSocket;
  guildId: string;
  bus: EventBus;
  /** Checks a bare token and the guild access of its owner; throws an AppError when refused. */
  authorize(token: string): Promise<LiveGrant>;
  /** Set when the upgrade request already carried an accepted `Authorization` header. */
  granted?: LiveGrant;
  log: Pick<Logger, 'info' | 'debug' | 'error'>;
  now: () => Date;
  heartbeatIntervalMs?: number;
  authTimeoutMs?: number;
  /** Bytes queued to a socket beyond which it is closed as a slow consumer. */
  maxBufferedBytes?: number;
}

export const liveDefaults = {
  heartbeatIntervalMs: 30_000,
  authTimeoutMs: 5_000,
  maxBufferedBytes: 1_048_576,
} as const;

/** Longest delay `setTimeout` takes; later expiries are checked again when it fires. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * One live subscriber: waits for its token unless the upgrade carried one, then forwards its
 * guild's events. Pings detect dead peers, a full send buffer closes the socket (the client
 * reconnects and refetches), and the socket closes when its credential expires unless the
 * client sent a fresh token. Tokens are never logged.
 */
export const serveLiveConnection = (options: LiveConnectionOptions): void => {
  const { socket, guildId, log } = options;
  const settings = { ...liveDefaults, ...dropUndefined(options) };
  let closed = false;
  let unsubscribe: (() => void) | undefined;
  let expiry: NodeJS.Timeout | undefined;
  let alive = true;

  const send = (message: object): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > settings.maxBufferedBytes) {
      log.info({ guildId }, 'live subscriber too slow; closed');
      close(liveCloseCodes.slowConsumer, 'slow consumer');
      return;
    }
    socket.send(JSON.stringify(message));
  };
  const refuse = (code: number, error: { code: string; message: string }) => {
    send({ type: 'error', error });
    close(code, error.code);
  };
  const close = (code: number, reason: string) => {
    stop();
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING)
      socket.close(code, reason);
  };
  const stop = () => {
    closed = true;
    unsubscribe?.();
    unsubscribe = undefined;
    clearTimeout(expiry);
    clearTimeout(authTimer);
    clearInterval(heartbeat);
  };

  const expireAt = (expiresAt: Date | null) => {
    clearTimeout(expiry);
    if (expiresAt === null) return;
    const delayMs = expiresAt.getTime() - options.now().getTime();
    expiry = setTimeout(
      () =>
        delayMs > MAX_TIMER_MS
          ? expireAt(expiresAt)
          : refuse(liveCloseCodes.unauthenticated, {
              code: 'TOKEN_EXPIRED',
              message: 'The access token has expired; send a fresh one to stay connected.',
            }),
      Math.max(0, Math.min(delayMs, MAX_TIMER_MS)),
    );
  };
  const open = (grant: LiveGrant) => {
    // The client may have gone while its authentication was being checked.
    if (closed || socket.readyState !== socket.OPEN) return;
    clearTimeout(authTimer);
    expireAt(grant.expiresAt);
    unsubscribe ??= options.bus.subscribe((event: LiveEvent) => {
      if (event.guildId === guildId) send(event);
    });
    send({ type: 'ready', guildId, heartbeatIntervalMs: settings.heartbeatIntervalMs });
  };
  const authorize = async (token: string) => {
    try {
      open(await options.authorize(token));
    } catch (error) {
      if (!isAppError(error)) log.error({ err: error, guildId }, 'live authorization failed');
      const refused = isAppError(error)
        ? { status: error.status, code: error.code, message: error.message }
        : { status: 500, code: 'INTERNAL', message: 'Something went wrong on our side.' };
      refuse(toCloseCode(refused.status), { code: refused.code, message: refused.message });
    }
  };

  const authTimer = setTimeout(
    () =>
      refuse(liveCloseCodes.authTimeout, {
        code: 'UNAUTHENTICATED',
        message: 'Send {"type":"auth","token":"…"} first.',
      }),
    settings.authTimeoutMs,
  );
  const heartbeat = setInterval(() => {
    if (!alive) {
      stop();
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, settings.heartbeatIntervalMs);
  heartbeat.unref();

  socket.on('pong', () => {
    alive = true;
  });
  socket.on('message', (data, isBinary) => {
    const message = isBinary ? undefined : parseClientMessage(String(data));
    if (!message) {
      refuse(liveCloseCodes.badMessage, {
        code: 'VALIDATION_FAILED',
        message: 'Expected {"type":"auth","token":"…"} or {"type":"ping"}.',
      });
      return;
    }
    if (message.type === 'ping') send({ type: 'pong', at: options.now().toISOString() });
    else void authorize(message.token);
  });
  socket.on('close', stop);
  socket.on('error', (error) => {
    log.debug({ err: error, guildId }, 'live socket error');
    stop();
  });
  if (options.granted) open(options.granted);
};

/** The options that were given, so defaults fill the rest under exactOptionalPropertyTypes. */
const dropUndefined = (options: LiveConnectionOptions) =>
  Object.fromEntries(
    (['heartbeatIntervalMs', 'authTimeoutMs', 'maxBufferedBytes'] as const)
      .filter((key) => options[key] !== undefined)
      .map((key) => [key, options[key]]),
  ) as Partial<typeof liveDefaults>;
