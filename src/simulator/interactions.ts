import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGuildMember, APIUser } from 'discord-api-types/v10';
import { toSnowflake } from './snowflake.ts';

/** What the bot answered to one interaction (the callback's JSON body). */
export interface InteractionCallback {
  type: number;
  data?: { content?: string; flags?: number };
}

/** A slash command use to send: who, where, which command and options. */
export interface InteractionInput {
  guildId: string | null;
  user: APIUser;
  /** The member object in a guild (roles, nick…); defaults to just the user. */
  member?: APIGuildMember;
  command: string;
  /** Options as Discord sends them (subcommands nest their own `options`). */
  options?: unknown[];
}

/** A REST reply as the simulator's handler writes it. */
interface Reply {
  status: number;
  body?: unknown;
}

const MAX_JSON_BYTES = 64 * 1_024;

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString());
  } catch {
    return undefined;
  }
};

/**
 * Application commands and interactions: `PUT /applications/:id/commands` (bulk overwrite,
 * bot token), `POST /interactions/:id/:token/callback` (the interaction token is the only
 * credential, once), and INTERACTION_CREATE payloads for {@link InteractionInput}s.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */
export const createInteractions = (options: { applicationId: string; nowMs: () => number }) => {
  const commands = new Map<string, unknown[]>();
  const pending = new Map<string, { token: string; resolve: (c: InteractionCallback) => void }>();
  let sequence = 0;

  /** Handles the REST routes above; `undefined` for any other route. */
  const handleRest = async (
    req: IncomingMessage,
    route: string,
    isBot: boolean,
  ): Promise<Reply | undefined> => {
    const commandsRoute = /^\/applications\/(\d+)\/commands$/.exec(route);
    if (commandsRoute && req.method === 'PUT') {
      if (!isBot) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
      const body = await readJson(req);
      if (!Array.isArray(body))
        return { status: 400, body: { message: 'Invalid Form Body', code: 50_035 } };
      commands.set(commandsRoute[1] ?? '', body);
      return { status: 200, body };
    }
    const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route);
    if (callback && req.method === 'POST') {
      const waiting = pending.get(callback[1] ?? '');
      if (!waiting || waiting.token !== callback[2]) {
        return { status: 404, body: { message: 'Unknown interaction', code: 10_062 } };
      }
      const body = (await readJson(req)) as InteractionCallback | undefined;
      if (!body || typeof body.type !== 'number') {
        return { status: 400, body: { message: 'Invalid Form Body', code: 50_035 } };
      }
      pending.delete(callback[1] ?? '');
      waiting.resolve(body);
      return { status: 204 };
    }
    return undefined;
  };

  /** An INTERACTION_CREATE payload, and a promise of the bot's callback to it. */
  const create = (input: InteractionInput) => {
    sequence += 1;
    const id = toSnowflake(options.nowMs(), sequence);
    const token = randomBytes(24).toString('base64url');
    const answered = new Promise<InteractionCallback>((resolve) => {
      pending.set(id, { token, resolve });
    });
    const who = input.guildId
      ? {
          member: input.member ?? {
            user: input.user,
            roles: [],
            joined_at: '',
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { user: input.user };
    const payload = {
      id,
      application_id: options.applicationId,
      type: 2,
      token,
      version: 1,
      ...(input.guildId ? { guild_id: input.guildId } : {}),
      ...who,
      data: {
        id: toSnowflake(options.nowMs(), 0),
        name: input.command,
        type: 1,
        options: input.options ?? [],
      },
    };
    return { payload, answered };
  };

  return {
    handleRest,
    create,
    listCommands: (applicationId: string) => commands.get(applicationId) ?? [],
  };
};

export type Interactions = ReturnType<typeof createInteractions>;
