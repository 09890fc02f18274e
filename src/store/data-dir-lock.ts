import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors/app-error.ts';

/** A held lock; `release` is idempotent. */
export interface DataDirLock {
  release(): void;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readPid = (path: string): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Takes an exclusive lock file holding this process's pid. Two processes on one PGlite folder
 * silently lose writes, so a second one is refused; a lock left by a dead process is taken over.
 */
export const lockDataDir = (lockPath: string, what: string): DataDirLock => {
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      return {
        release: () => {
          if (held && readPid(lockPath) === process.pid) rmSync(lockPath, { force: true });
          held = false;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readPid(lockPath);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'DATA_DIR_LOCKED',
          `${what} is in use by another Spywatcher process (pid ${owner}). Stop that process, ` +
            'or give this one its own SPYWATCHER_DATA_DIR.',
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `Could not lock ${what} (${lockPath}).`);
};
