import { readFileSync, writeFileSync } from 'node:fs';

/**
 * This process's peak resident memory since the last `reset`, in bytes. On Linux it is the
 * kernel's high-water mark (VmHWM, reset through /proc/self/clear_refs), so a burst inside one
 * long synchronous call (parsing a 100,000-member GUILD_CREATE) is not missed; elsewhere it is
 * sampled every few milliseconds.
 */
export interface PeakRss {
  reset(): void;
  read(): number;
  stop(): void;
}

const readHighWaterMark = (): number | undefined => {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1_024;
  } catch {
    return undefined;
  }
};

const resetHighWaterMark = (): boolean => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
};

/** Starts tracking the peak RSS. */
export const trackPeakRss = (sampleEveryMs = 10): PeakRss => {
  let sampled = process.memoryUsage.rss();
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage.rss());
  }, sampleEveryMs);
  timer.unref();
  let kernel = resetHighWaterMark();
  return {
    reset: () => {
      sampled = process.memoryUsage.rss();
      kernel = resetHighWaterMark();
    },
    read: () => {
      const current = Math.max(sampled, process.memoryUsage.rss());
      return kernel ? Math.max(readHighWaterMark() ?? current, current) : current;
    },
    stop: () => clearInterval(timer),
  };
};
