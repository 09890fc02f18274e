import { describe, expect, it } from 'vitest';
import { driveScenario } from './drive-scenario.ts';
import { toPresenceUpdate } from './presence-payloads.ts';
import type { ScenarioEvent } from './scenario-event.ts';

const events = (count: number, gapMs: number): ScenarioEvent[] =>
  Array.from({ length: count }, (_, index) => ({
    atMs: 1_000_000 + index * gapMs,
    guildId: '1',
    event: 'PRESENCE_UPDATE' as ScenarioEvent['event'],
    data: toPresenceUpdate({
      guildId: '1',
      userId: String(index + 2),
      status: 'online',
      platforms: ['web'],
    }),
  })) as ScenarioEvent[];

/** A stand-in for the simulator that records what was pushed and when. */
const recorder = (bufferedBytes = () => 0) => {
  const pushed: { at: number; userId: string }[] = [];
  const startedAt = performance.now();
  return {
    pushed,
    sim: {
      dispatch: (_guildId: string | null, _event: string, data: unknown) => {
        pushed.push({
          at: performance.now() - startedAt,
          userId: (data as { user: { id: string } }).user.id,
        });
        return 1;
      },
      bufferedBytes,
    },
  };
};

describe('driveScenario', () => {
  it('sends everything in order as fast as possible', async () => {
    const { sim, pushed } = recorder();
    const result = await driveScenario({ sim, events: events(5_000, 1) });
    expect(result.sent).toBe(5_000);
    expect(pushed.map((entry) => entry.userId)).toEqual(
      events(5_000, 1).map((e) => (e.data as { user: { id: string } }).user.id),
    );
  });

  it('keeps to a rate of events per second', async () => {
    const { sim } = recorder();
    const result = await driveScenario({ sim, events: events(100, 1), eventsPerSecond: 500 });
    expect(result.sent).toBe(100);
    expect(result.elapsedMs).toBeGreaterThan(150);
    expect(result.elapsedMs).toBeLessThan(1_000);
  });

  it('follows scenario time scaled by speed', async () => {
    const { sim, pushed } = recorder();
    await driveScenario({ sim, events: events(3, 10_000), speed: 100 });
    expect(pushed[2]?.at ?? 0).toBeGreaterThan(180);
  });

  it('stops when aborted', async () => {
    const { sim } = recorder();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await driveScenario({
      sim,
      events: events(1_000, 1),
      eventsPerSecond: 100,
      signal: controller.signal,
    });
    expect(result.aborted).toBe(true);
    expect(result.sent).toBeLessThan(100);
  });
});
