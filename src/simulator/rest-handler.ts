import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayBotInfo, APIUser } from 'discord-api-types/v10';
import type { Interactions } from './interactions.ts';
import { listUserGuilds } from './list-user-guilds.ts';
import type { OAuthProvider } from './oauth-provider.ts';
import type { SimulatorCounters } from './simulator-counters.ts';
import { getUser, type SimulatorState } from './simulator-state.ts';

/** What the REST side is built from. */
export interface RestHandlerContext {
  state: SimulatorState;
  oauth: OAuthProvider;
  counters: SimulatorCounters;
  getGatewayBotInfo: () => APIGatewayBotInfo;
  /** Application commands and interaction callbacks. */
  interactions?: Interactions;
}

/** A response to write: status, JSON body, extra headers. */
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Caller = { type: 'bot' } | { type: 'user'; userId: string; scopes: string[] } | undefined;

const MAX_BODY_BYTES = 64 * 1_024;

/** Discord's JSON error shape: `{ message, code }` (code 0 for plain HTTP errors). */
const error = (status: number, message: string, code = 0): Reply => ({
  status,
  body: { message, code },
});
const ok = (body: unknown): Reply => ({ status: 200, body });
const unauthorized = error(401, '401: Unauthorized');
const notFound = error(404, '404: Not Found');

const write = (res: ServerResponse, reply: Reply): void => {
  const json = reply.body === undefined ? {} : { 'content-type': 'application/json' };
  res.writeHead(reply.status, { 'cache-control': 'no-store', ...json, ...reply.headers });
  res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
};

const readForm = async (req: IncomingMessage): Promise<URLSearchParams | undefined> => {
  if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString());
};

/**
 * `/api/v10/users/@me` → `/users/@me`; Discord also serves unversioned `/api/…` paths, and
 * `@discordjs/core` sends `@me` percent-encoded (`%40me`).
 */
const toRoute = (pathname: string): string =>
  decodeURIComponent(pathname)
    .replace(/^\/api(?=\/|$)/, '')
    .replace(/^\/v\d+(?=\/|$)/, '') || '/';

const toScopedUser = (user: APIUser, scopes: string[]): APIUser => {
  if (scopes.includes('email')) return { ...user, email: user.email ?? null, verified: true };
  const { email: _email, verified: _verified, ...rest } = user;
  return rest;
};

const paginate = <T extends { id: string }>(items: T[], query: URLSearchParams): T[] => {
  const after = BigInt(query.get('after') ?? '0');
  const before = query.get('before');
  const limit = Math.min(200, Math.max(1, Number(query.get('limit') ?? 200) || 200));
  return items
    .filter(
      (item) => BigInt(item.id) > after && (before === null || BigInt(item.id) < BigInt(before)),
    )
    .slice(0, limit);
};

/**
 * The REST calls a bot and a login flow make, shaped like Discord's: gateway discovery, the
 * current user and their guilds (bot token or OAuth2 bearer), and the OAuth2 endpoints.
 * @see https://discord.com/developers/docs/reference#http-api
 */
export const createRestHandler = (context: RestHandlerContext) => {
  const { state, oauth, counters } = context;

  const identifyCaller = (req: IncomingMessage): Caller => {
    const header = req.headers.authorization ?? '';
    if (header === `Bot ${state.botToken}`) return { type: 'bot' };
    const grant = header.startsWith('Bearer ') ? oauth.getGrant(header.slice(7)) : undefined;
    return grant ? { type: 'user', userId: grant.userId, scopes: grant.scopes } : undefined;
  };

  const authorize = (query: URLSearchParams): Reply => {
    const userId = query.get('sim_user') ?? state.loggedInUserId;
    const known = userId !== undefined && getUser(state, userId) !== undefined;
    const decision = oauth.authorize(query, known ? userId : undefined, query.has('sim_deny'));
    if (decision.type === 'error') return error(decision.status, decision.message, decision.code);
    return { status: 302, headers: { location: decision.location } };
  };

  const get = (req: IncomingMessage, route: string, query: URLSearchParams): Reply => {
    if (route === '/oauth2/authorize') return authorize(query);
    if (route === '/gateway') return ok({ url: context.getGatewayBotInfo().url });
    const caller = identifyCaller(req);
    if (!caller) return unauthorized;
    if (route === '/gateway/bot') {
      return caller.type === 'bot' ? ok(context.getGatewayBotInfo()) : unauthorized;
    }
    if (route === '/users/@me') {
      if (caller.type === 'bot') return ok(state.bot);
      const user = caller.scopes.includes('identify') ? getUser(state, caller.userId) : undefined;
      return user ? ok(toScopedUser(user, caller.scopes)) : unauthorized;
    }
    if (route === '/users/@me/guilds') {
      if (caller.type === 'user' && !caller.scopes.includes('guilds')) return unauthorized;
      const userId = caller.type === 'bot' ? state.bot.id : caller.userId;
      return ok(paginate(listUserGuilds(state, userId), query));
    }
    return notFound;
  };

  const post = async (req: IncomingMessage, route: string): Promise<Reply> => {
    if (route !== '/oauth2/token' && route !== '/oauth2/token/revoke') return notFound;
    const form = await readForm(req);
    if (!form) {
      const description = 'The body must be application/x-www-form-urlencoded (at most 64 KiB).';
      return { status: 400, body: { error: 'invalid_request', error_description: description } };
    }
    if (route === '/oauth2/token/revoke') {
      oauth.revoke(form.get('token') ?? '');
      return ok({});
    }
    return oauth.token(form, req.headers.authorization);
  };

  const route = async (req: IncomingMessage): Promise<Reply> => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    try {
      const path = toRoute(url.pathname);
      const interaction = await context.interactions?.handleRest(
        req,
        path,
        identifyCaller(req)?.type === 'bot',
      );
      if (interaction) return interaction;
      if (req.method === 'GET') return get(req, path, url.searchParams);
      if (req.method === 'POST') return await post(req, path);
      return error(405, '405: Method Not Allowed');
    } catch (caught) {
      // A malformed snowflake (BigInt) or escape (decodeURIComponent) is the caller's mistake.
      if (caught instanceof SyntaxError || caught instanceof URIError) {
        return error(400, '400: Bad Request', 50_035);
      }
      throw caught;
    }
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    counters.restRequests += 1;
    write(res, await route(req));
  };
};
