import { describe, expect, it } from 'vitest';
import { initialLiveState, LIVE_KEEP, parseLiveMessage, reduceLive } from './live-state.ts';

const events = (messages: number, userIds: string[]) => ({
  type: 'events' as const,
  guildId: '1',
  at: '2026-11-25T19:00:00.000Z',
  counts: { messages, presences: 1 },
  recent: userIds.map((userId) => ({ kind: 'message', userId, at: '2026-11-25T19:00:00.000Z' })),
});

describe('reduceLive', () => {
  it('opens on ready and adds counts across batches', () => {
    let state = reduceLive(initialLiveState, {
      type: 'ready',
      guildId: '1',
      heartbeatIntervalMs: 30_000,
    });
    expect(state.connection).toBe('open');
    state = reduceLive(state, events(2, ['a']));
    state = reduceLive(state, events(3, ['b']));
    expect(state.totals).toEqual({ messages: 5, presences: 2 });
  });

  it('puts the newest items first (a batch lists them newest last) and keeps a bounded list', () => {
    let state = reduceLive(initialLiveState, events(2, ['a', 'b']));
    expect(state.recent.map((item) => item.userId)).toEqual(['b', 'a']);
    state = reduceLive(
      state,
      events(
        1,
        Array.from({ length: LIVE_KEEP }, (_, i) => `u${i}`),
      ),
    );
    expect(state.recent).toHaveLength(LIVE_KEEP);
    expect(state.recent[0]?.userId).toBe(`u${LIVE_KEEP - 1}`);
  });

  it('keeps alerts newest first', () => {
    const alert = (userId: string) => ({
      type: 'alert' as const,
      guildId: '1',
      at: '2026-11-25T19:00:00.000Z',
      alert: {
        kind: 'multiClient' as const,
        userId,
        platforms: ['desktop', 'mobile'],
        at: '2026-11-25T19:00:00.000Z',
      },
    });
    const state = reduceLive(reduceLive(initialLiveState, alert('a')), alert('b'));
    expect(state.alerts.map((a) => ('userId' in a ? a.userId : ''))).toEqual(['b', 'a']);
  });
});

describe('parseLiveMessage', () => {
  it('accepts the protocol’s messages and ignores anything else', () => {
    expect(parseLiveMessage(JSON.stringify({ type: 'pong', at: 'x' }))).toEqual({
      type: 'pong',
      at: 'x',
    });
    expect(parseLiveMessage('not json')).toBeUndefined();
    expect(parseLiveMessage(JSON.stringify({ type: 'surprise' }))).toBeUndefined();
    expect(parseLiveMessage(JSON.stringify({ type: 'events', counts: {} }))).toBeUndefined();
    expect(parseLiveMessage(new ArrayBuffer(2))).toBeUndefined();
  });
});
