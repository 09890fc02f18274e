import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const childScript = fileURLToPath(new URL('./demo-child.ts', import.meta.url));

/** The demo running in a child process, driven by the end-to-end test. */
export interface DemoProcess {
  output(): string;
  /** Resolves with the first output line starting with `prefix` (after it) once printed. */
  waitForLine(prefix: string, timeoutMs: number, after?: number): Promise<string>;
  /** Asks the simulator to push an event; resolves with what it pushed. */
  push(command: { push: 'message' | 'multiClient'; userId: string }): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the demo on `port` with its data in `dataDir`. */
export const startDemoProcess = (options: { port: number; dataDir: string }): DemoProcess => {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', childScript], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      SPYWATCHER_DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let exitedYet = false;
  void exited.then(() => {
    exitedYet = true;
    for (const listener of listeners) listener();
  });

  const waitForLine = (prefix: string, timeoutMs: number, after = 0) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        // Only whole lines: a chunk may end in the middle of one.
        const line = output
          .slice(after, Math.max(after, output.lastIndexOf('\n') + 1))
          .split('\n')
          .find((candidate) => candidate.startsWith(prefix));
        if (line !== undefined || exitedYet) {
          listeners.delete(check);
          clearTimeout(timer);
          if (line !== undefined) resolve(line.slice(prefix.length).trim());
          else reject(new Error(`the demo exited before printing "${prefix}":\n${output}`));
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`"${prefix}" not printed within ${timeoutMs} ms; output:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  return {
    output: () => output,
    waitForLine,
    push: async (command) => {
      const mark = output.length;
      child.stdin?.write(`${JSON.stringify(command)}\n`);
      return waitForLine('E2E_PUSHED ', 10_000, mark);
    },
    stop: async () => {
      if (exitedYet) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
};
