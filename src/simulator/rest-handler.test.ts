import { API } from '@discordjs/core/http-only';
import { REST } from '@discordjs/rest';
import {
  type APIGatewayBotInfo,
  type APIUser,
  PermissionFlagsBits,
  type RESTGetAPICurrentUserGuildsResult,
  type RESTPostOAuth2AccessTokenResult,
  Routes,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSimulator, type DiscordSimulator } from './discord-simulator.ts';
import { ALL_PERMISSIONS } from './member-permissions.ts';
import { createCodeVerifier, toCodeChallenge } from './pkce.ts';
import { createScenario } from './scenario/create-scenario.ts';

const REDIRECT_URI = 'http://localhost:3000/auth/callback';
const scenario = createScenario({ seed: 'rest', durationMs: 600_000 });
const moderatorId = scenario.cast.moderator[0] ?? '';
const outsider: APIUser = {
  id: '80351110224678912',
  username: 'outsider',
  discriminator: '0',
  global_name: 'Outsider',
  avatar: null,
  email: 'outsider@example.com',
};
let sim: DiscordSimulator;
let rest: REST;

beforeAll(async () => {
  sim = await createDiscordSimulator({
    bot: scenario.bot,
    guilds: [scenario.guild],
    users: [
      {
        user: outsider,
        guilds: [{ id: '81384788765712384', name: 'Elsewhere', owner: true, permissions: '8' }],
      },
    ],
    loggedInUserId: scenario.guild.ownerId,
    application: { redirectUris: [REDIRECT_URI] },
  });
  rest = new REST({ api: sim.apiUrl, version: '10' }).setToken(sim.botToken);
});

afterAll(async () => {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
  await sim.close();
});

/** Runs the consent step and returns where the browser is sent. */
const authorize = async (params: Record<string, string>): Promise<URL> => {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: sim.application.clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'identify guilds',
    state: 'xyz',
    ...params,
  });
  const response = await fetch(`${sim.authorizeUrl}?${query}`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
};

const exchange = async (form: Record<string, string>) => {
  const body = new URLSearchParams({
    client_id: sim.application.clientId,
    client_secret: sim.application.clientSecret,
    redirect_uri: REDIRECT_URI,
    ...form,
  });
  const response = await fetch(`${sim.apiUrl}/oauth2/token`, { method: 'POST', body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const login = async (params: Record<string, string> = {}) => {
  const verifier = createCodeVerifier();
  const challenge = toCodeChallenge(verifier);
  const redirect = await authorize({
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...params,
  });
  const code = redirect.searchParams.get('code') ?? '';
  return { verifier, code, redirect };
};

describe('REST for the bot', () => {
  it('serves gateway discovery and the bot user through @discordjs/rest', async () => {
    const gateway = (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
    expect(gateway).toMatchObject({ url: sim.gatewayUrl, shards: 1 });
    expect(gateway.session_start_limit).toMatchObject({ total: 1_000, max_concurrency: 1 });
    expect(await rest.get(Routes.user())).toEqual(scenario.bot);
    const guilds = (await rest.get(Routes.userGuilds())) as RESTGetAPICurrentUserGuildsResult;
    expect(guilds.map((guild) => guild.id)).toEqual([scenario.guild.id]);
  });

  it('answers unknown routes and methods with Discord-shaped errors', async () => {
    const missing = await fetch(`${sim.apiUrl}/v10/channels/1`, {
      headers: { authorization: `Bot ${sim.botToken}` },
    });
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { message: '404: Not Found', code: 0 },
    ]);
    const anonymous = await fetch(`${sim.apiUrl}/v10/gateway/bot`);
    expect([anonymous.status, await anonymous.json()]).toEqual([
      401,
      { message: '401: Unauthorized', code: 0 },
    ]);
  });
});

describe('OAuth2 authorization code flow', () => {
  it('logs the configured user in with PKCE and shows their guilds with permissions', async () => {
    const { verifier, code, redirect } = await login();
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('state')).toBe('xyz');
    const token = await exchange({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    const grant = token.body as unknown as RESTPostOAuth2AccessTokenResult;
    expect(grant).toMatchObject({
      token_type: 'Bearer',
      scope: 'identify guilds',
      expires_in: 604_800,
    });

    const user = new REST({ api: sim.apiUrl, version: '10', authPrefix: 'Bearer' }).setToken(
      grant.access_token,
    );
    expect(await user.get(Routes.user())).toMatchObject({ id: scenario.guild.ownerId });
    const guilds = (await user.get(Routes.userGuilds())) as RESTGetAPICurrentUserGuildsResult;
    expect(guilds).toEqual([
      expect.objectContaining({
        id: scenario.guild.id,
        owner: true,
        permissions: ALL_PERMISSIONS.toString(),
      }),
    ]);
    user.clearHashSweeper();
    user.clearHandlerSweeper();
  });

  it('works through @discordjs/core’s OAuth2 API as well', async () => {
    const { code, verifier } = await login();
    // discord-api-types 0.38 has no `code_verifier` in the token body type; core passes it on.
    const body = {
      client_id: sim.application.clientId,
      client_secret: sim.application.clientSecret,
      grant_type: 'authorization_code' as const,
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    };
    const tokens = await new API(rest).oauth2.tokenExchange(body);
    expect(tokens.token_type).toBe('Bearer');
    const bearer = new REST({ api: sim.apiUrl, version: '10', authPrefix: 'Bearer' });
    const me = await new API(bearer.setToken(tokens.access_token)).users.getCurrent();
    expect(me.id).toBe(scenario.guild.ownerId);
    bearer.clearHashSweeper();
    bearer.clearHandlerSweeper();
  });

  it('refuses a wrong code verifier, and a code used twice', async () => {
    const bad = await login();
    const refused = await exchange({
      grant_type: 'authorization_code',
      code: bad.code,
      code_verifier: createCodeVerifier(),
    });
    expect(refused).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid "code_verifier" in request.' },
    });

    const good = await login();
    const firstUse = await exchange({
      grant_type: 'authorization_code',
      code: good.code,
      code_verifier: good.verifier,
    });
    expect(firstUse.status).toBe(200);
    const secondUse = await exchange({
      grant_type: 'authorization_code',
      code: good.code,
      code_verifier: good.verifier,
    });
    expect(secondUse).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // Replaying the code revoked the tokens it had bought.
    const me = await fetch(`${sim.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bearer ${firstUse.body.access_token}` },
    });
    expect(me.status).toBe(401);
  });

  it('rejects a bad client secret, and rotates refresh tokens', async () => {
    const { code, verifier } = await login();
    const wrongClient = await exchange({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_secret: 'nope',
    });
    expect(wrongClient).toMatchObject({ status: 401, body: { error: 'invalid_client' } });

    const fresh = await login();
    const issued = await exchange({
      grant_type: 'authorization_code',
      code: fresh.code,
      code_verifier: fresh.verifier,
    });
    const refreshToken = String(issued.body.refresh_token);
    const rotated = await exchange({ grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(refreshToken);
    const reused = await exchange({ grant_type: 'refresh_token', refresh_token: refreshToken });
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('logs in the user named by sim_user, with guild permissions from their roles', async () => {
    const { code, verifier } = await login({ sim_user: moderatorId });
    const grant = await exchange({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
    });
    const response = await fetch(`${sim.apiUrl}/v10/users/@me/guilds`, {
      headers: { authorization: `Bearer ${grant.body.access_token}` },
    });
    const [guild] = (await response.json()) as RESTGetAPICurrentUserGuildsResult;
    expect(guild?.owner).toBe(false);
    const permissions = BigInt(guild?.permissions ?? '0');
    expect(permissions & PermissionFlagsBits.BanMembers).toBe(PermissionFlagsBits.BanMembers);
    expect(permissions & PermissionFlagsBits.Administrator).toBe(0n);
  });

  it('lists an OAuth user’s own guilds and hides the email without the email scope', async () => {
    const { code, verifier } = await login({ sim_user: outsider.id });
    const grant = await exchange({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
    });
    const headers = { authorization: `Bearer ${grant.body.access_token}` };
    const me = (await (await fetch(`${sim.apiUrl}/v10/users/@me`, { headers })).json()) as APIUser;
    expect(me.id).toBe(outsider.id);
    expect(me.email).toBeUndefined();
    const guilds = await (await fetch(`${sim.apiUrl}/v10/users/@me/guilds`, { headers })).json();
    expect(guilds).toEqual([
      expect.objectContaining({ id: '81384788765712384', owner: true, permissions: '8' }),
    ]);
  });

  it('redirects errors back to the app: denied consent, bad scope, plain PKCE', async () => {
    const denied = await authorize({ sim_deny: '1' });
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('xyz');
    expect((await authorize({ scope: 'identify everything' })).searchParams.get('error')).toBe(
      'invalid_scope',
    );
    const plain = await authorize({ code_challenge: 'abc', code_challenge_method: 'plain' });
    expect(plain.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses an unregistered redirect_uri without redirecting', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: sim.application.clientId,
      redirect_uri: 'https://evil.example/callback',
      scope: 'identify',
    });
    const response = await fetch(`${sim.authorizeUrl}?${query}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'Invalid OAuth2 redirect_uri' });
  });
});
