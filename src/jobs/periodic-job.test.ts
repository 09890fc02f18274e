import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicJob } from './periodic-job.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('startPeriodicJob', () => {
  it('runs after the first delay, then every interval, and not after stop', async () => {
    vi.useFakeTimers();
    const results: number[] = [];
    let passes = 0;
    const job = startPeriodicJob({
      run: async () => ++passes,
      intervalMs: 1_000,
      firstDelayMs: 500,
      onResult: (pass) => results.push(pass),
      onError: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(passes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(results).toEqual([1]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(results).toEqual([1, 2, 3]);
    await job.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(passes).toBe(3);
  });

  it('joins a pass in progress instead of starting a second one', async () => {
    let release: () => void = () => undefined;
    let passes = 0;
    const job = startPeriodicJob({
      run: () =>
        new Promise<number>((resolve) => {
          passes += 1;
          release = () => resolve(passes);
        }),
      intervalMs: 0,
      firstDelayMs: 0,
      onError: () => undefined,
    });
    const first = job.runNow();
    const second = job.runNow();
    release();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(passes).toBe(1);
    await job.stop();
  });

  it('reports a failed pass and keeps the schedule', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let passes = 0;
    const job = startPeriodicJob({
      run: async () => {
        passes += 1;
        if (passes === 1) throw new Error('database down');
        return passes;
      },
      intervalMs: 100,
      firstDelayMs: 0,
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(150);
    expect(errors).toEqual([new Error('database down')]);
    expect(passes).toBe(2);
    await job.stop();
  });

  it('schedules nothing with interval 0', async () => {
    vi.useFakeTimers();
    let passes = 0;
    const job = startPeriodicJob({
      run: async () => ++passes,
      intervalMs: 0,
      firstDelayMs: 0,
      onError: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(passes).toBe(0);
    await job.stop();
  });
});
