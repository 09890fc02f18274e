import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.ts';
import { ApiError } from './api-error.ts';

const user = {
  id: 'u1',
  discordId: '1',
  username: 'sky',
  globalName: null,
  avatar: null,
  role: 'USER',
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A stand-in for the server at the network edge: access tokens `t1`, `t2`… are minted by
 * /auth/refresh; only the latest is accepted, as after a rotation.
 */
const fakeServer = (options: { refreshWorks: boolean }) => {
  let minted = 0;
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const auth = new Headers(init?.headers).get('authorization');
    calls.push(`${init?.method ?? 'GET'} ${url} ${auth ?? '-'}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (url === '/api/v1/auth/refresh') {
      if (!options.refreshWorks)
        return json(401, { error: { code: 'REFRESH_TOKEN_INVALID', message: 'No.' } });
      minted += 1;
      return json(200, { accessToken: `t${minted}`, expiresIn: 900, user });
    }
    if (auth !== `Bearer t${minted}` || minted === 0) {
      return json(401, { error: { code: 'TOKEN_EXPIRED', message: 'Expired.' } });
    }
    if (url.startsWith('/api/v1/empty')) return new Response(null, { status: 204 });
    if (url.startsWith('/api/v1/missing'))
      return json(404, {
        error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/missing.' },
      });
    return json(200, { url });
  }) as typeof fetch;
  return { fetchImpl, calls, minted: () => minted };
};

describe('createApiClient', () => {
  it('refreshes once for many requests that meet a 401 together, then retries each', async () => {
    const server = fakeServer({ refreshWorks: true });
    const client = createApiClient(server.fetchImpl);
    const answers = await Promise.all([
      client.request<{ url: string }>('/a', { query: { limit: 5, search: undefined } }),
      client.request<{ url: string }>('/b'),
      client.request<{ url: string }>('/c'),
    ]);
    expect(answers.map((answer) => answer.url)).toEqual([
      '/api/v1/a?limit=5',
      '/api/v1/b',
      '/api/v1/c',
    ]);
    expect(server.minted()).toBe(1);
    expect(server.calls.filter((call) => call.includes('/auth/refresh'))).toHaveLength(1);
    expect(client.getAccessToken()).toBe('t1');
  });

  it('tells listeners about the session and answers 204 with undefined', async () => {
    const server = fakeServer({ refreshWorks: true });
    const client = createApiClient(server.fetchImpl);
    const seen: (string | undefined)[] = [];
    client.onSessionChange((session) => seen.push(session?.user.username));
    expect(await client.refresh()).toEqual({ user, accessToken: 't1' });
    expect(await client.request('/empty')).toBeUndefined();
    expect(seen).toEqual(['sky']);
  });

  it('throws the catalogue error when the session cannot be renewed', async () => {
    const client = createApiClient(fakeServer({ refreshWorks: false }).fetchImpl);
    const failure = await client.request('/a').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(await client.refresh()).toBeUndefined();
  });

  it('marks a route the server lacks as unavailable', async () => {
    const client = createApiClient(fakeServer({ refreshWorks: true }).fetchImpl);
    await client.refresh();
    const failure = await client.request('/missing').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).isUnavailable).toBe(true);
  });
});
