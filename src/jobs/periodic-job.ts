/** Options of {@link startPeriodicJob}. */
export interface PeriodicJobOptions<T> {
  /** One pass; never two at once in this process. */
  run: () => Promise<T>;
  /** Time between passes; 0 schedules nothing (`runNow` still works). */
  intervalMs: number;
  /** The first pass, this long after start, so it never competes with start-up. */
  firstDelayMs: number;
  /** Told of each scheduled pass's outcome; a failure never stops the schedule. */
  onResult?: (result: T) => void;
  onError: (error: unknown) => void;
}

/** A scheduled job; `stop` waits for a pass in progress. */
export interface PeriodicJob<T> {
  /** Runs a pass now, or joins the one in progress. */
  runNow(): Promise<T>;
  stop(): Promise<void>;
}

/** Runs `run` on a timer, one pass at a time; its timers never keep the process alive. */
export const startPeriodicJob = <T>(options: PeriodicJobOptions<T>): PeriodicJob<T> => {
  let running: Promise<T> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const runNow = (): Promise<T> => {
    running ??= options.run().finally(() => {
      running = undefined;
    });
    return running;
  };
  const tick = () => {
    if (stopped) return;
    runNow().then(options.onResult, options.onError);
  };
  const first =
    options.intervalMs > 0
      ? setTimeout(() => {
          tick();
          timer = setInterval(tick, options.intervalMs);
          timer.unref();
        }, options.firstDelayMs)
      : undefined;
  first?.unref();
  return {
    runNow,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
};
