import { readFileSync, writeFileSync } from 'node:fs';

/** A process's resident memory, from the kernel (Linux); undefined elsewhere. */
export interface ProcessRss {
  /** Resident memory now, in bytes. */
  current(): number | undefined;
  /**
   * The peak since the process started or since the last `resetPeak`, in bytes: the kernel's
   * high-water mark (VmHWM), so a burst inside one long synchronous call (parsing a large
   * GUILD_CREATE) is not missed, as a sampler would miss it.
   */
  peak(): number | undefined;
  /** Starts a new peak (through /proc/<pid>/clear_refs). */
  resetPeak(): void;
}

const readStatusKb = (pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined => {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1_024;
  } catch {
    return undefined;
  }
};

/** Reads the resident memory of process `pid` (of the same user). */
export const trackProcessRss = (pid: number): ProcessRss => ({
  current: () => readStatusKb(pid, 'VmRSS'),
  peak: () => readStatusKb(pid, 'VmHWM'),
  resetPeak: () => {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // Not Linux: peak() is undefined anyway.
    }
  },
});
