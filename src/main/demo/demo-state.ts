import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the demo remembers between runs: when its guild's history began, and what is stored. */
export interface DemoState {
  /** Scenario time zero; the same on every run, so the same seed gives the same members. */
  anchorMs: number;
  /** Events before this time are in the database. */
  storedUntilMs: number;
}

const fileOf = (dir: string) => join(dir, 'demo.json');

/** Reads the demo's state, or starts one whose history began `historyMs` before `nowMs`. */
export const readDemoState = (dir: string, nowMs: number, historyMs: number): DemoState => {
  if (existsSync(fileOf(dir))) {
    const parsed = JSON.parse(readFileSync(fileOf(dir), 'utf8')) as Partial<DemoState>;
    if (typeof parsed.anchorMs === 'number' && typeof parsed.storedUntilMs === 'number') {
      return { anchorMs: parsed.anchorMs, storedUntilMs: parsed.storedUntilMs };
    }
  }
  const anchorMs = nowMs - historyMs;
  return { anchorMs, storedUntilMs: anchorMs };
};

/** Saves the demo's state. */
export const writeDemoState = (dir: string, state: DemoState): void => {
  writeFileSync(fileOf(dir), `${JSON.stringify(state)}\n`);
};
