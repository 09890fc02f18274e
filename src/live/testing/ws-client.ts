import WebSocket from 'ws';

/** A test's WebSocket client: every message kept, waits for the next one matching a test. */
export interface TestSocket {
  socket: WebSocket;
  messages: Record<string, unknown>[];
  /** The first message (already received or not) for which `test` holds. */
  next(
    test: (message: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
}

/** Opens a socket; resolves once open, or rejects with the HTTP status of a refused upgrade. */
export const openTestSocket = (
  url: string,
  headers: Record<string, string> = {},
): Promise<TestSocket> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const messages: Record<string, unknown>[] = [];
    const waiters = new Set<() => void>();
    socket.on('message', (data) => {
      messages.push(JSON.parse(String(data)) as Record<string, unknown>);
      for (const waiter of waiters) waiter();
    });
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.on('close', (code, reason) => done({ code, reason: String(reason) })),
    );
    socket.on('unexpected-response', (_request, response) => {
      reject(
        Object.assign(new Error(`upgrade refused: ${response.statusCode}`), {
          status: response.statusCode,
        }),
      );
      socket.terminate();
    });
    socket.on('error', (error) => reject(error));
    socket.on('open', () =>
      resolve({
        socket,
        messages,
        closed,
        send: (message) => socket.send(JSON.stringify(message)),
        next: (test, timeoutMs = 5_000) =>
          new Promise((found, fail) => {
            const check = () => {
              const match = messages.find(test);
              if (!match) return false;
              waiters.delete(check);
              clearTimeout(timer);
              found(match);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching message; got ${JSON.stringify(messages)}`));
            }, timeoutMs);
            if (!check()) waiters.add(check);
          }),
      }),
    );
  });
