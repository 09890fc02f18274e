import { describe, expect, it } from 'vitest';
import { createMemoryLoginStateStore } from './login-state-store.ts';

describe('memory login state store', () => {
  it('hands an entry out once, and never after it expires', async () => {
    const store = createMemoryLoginStateStore();
    await store.put('a', { codeVerifier: 'v', expiresAtMs: 1_000 });
    await store.put('b', { codeVerifier: 'w', expiresAtMs: 1_000 });
    expect(await store.take('a', 999)).toEqual({ codeVerifier: 'v', expiresAtMs: 1_000 });
    expect(await store.take('a', 999)).toBeUndefined();
    expect(await store.take('b', 1_000)).toBeUndefined();
    expect(await store.take('unknown', 0)).toBeUndefined();
  });
});
