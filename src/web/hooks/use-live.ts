import { createContext, useContext, useEffect, useReducer, useRef } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import {
  initialLiveState,
  type LiveMessage,
  type LiveState,
  parseLiveMessage,
  reduceLive,
} from '../lib/live-state.ts';

type Action = LiveMessage | { type: 'connection'; connection: LiveState['connection'] };

const reducer = (state: LiveState, action: Action): LiveState =>
  action.type === 'connection'
    ? { ...state, connection: action.connection }
    : reduceLive(state, action);

const MAX_BACKOFF_MS = 30_000;

/**
 * Keeps one WebSocket to the guild's live stream: authenticates with the in-memory access token
 * as the first message (never in the URL), re-authenticates after each token refresh, and
 * reconnects with exponential backoff (1 s → 30 s). A socket that never opened reads as
 * "unavailable" (the server has no live endpoint).
 */
export const useLiveStream = (client: ApiClient, guildId: string): LiveState => {
  const [state, dispatch] = useReducer(reducer, initialLiveState);
  const everOpened = useRef(false);

  useEffect(() => {
    let socket: WebSocket | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let backoffMs = 1_000;
    let stopped = false;
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${protocol}//${window.location.host}/api/v1/guilds/${guildId}/live`;

    const sendAuth = () => {
      const token = client.getAccessToken();
      if (socket?.readyState === WebSocket.OPEN && token) {
        socket.send(JSON.stringify({ type: 'auth', token }));
      }
    };
    const connect = () => {
      dispatch({ type: 'connection', connection: 'connecting' });
      const current = new WebSocket(url);
      socket = current;
      current.onopen = sendAuth;
      current.onmessage = (event) => {
        const message = parseLiveMessage(event.data);
        if (!message) return;
        if (message.type === 'ready') {
          everOpened.current = true;
          backoffMs = 1_000;
        }
        dispatch(message);
      };
      current.onclose = (event) => {
        if (stopped) return;
        dispatch({ type: 'connection', connection: everOpened.current ? 'closed' : 'unavailable' });
        const expired = event.code === 4401;
        retryTimer = setTimeout(
          () => {
            if (expired) void client.refresh().then((session) => session && connect());
            else connect();
          },
          expired ? 0 : backoffMs,
        );
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      };
    };
    connect();
    const unsubscribe = client.onSessionChange(sendAuth);
    return () => {
      stopped = true;
      unsubscribe();
      clearTimeout(retryTimer);
      socket?.close(1000);
    };
  }, [client, guildId]);

  return state;
};

/** The live state of the guild whose pages are open. */
export const LiveContext = createContext<LiveState>({ ...initialLiveState, connection: 'closed' });

export const useLive = (): LiveState => useContext(LiveContext);
