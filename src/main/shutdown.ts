/** How long a graceful stop may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/** Registers what to undo at shutdown; the last registered is undone first. */
export type Defer = (step: () => Promise<unknown>) => void;

/**
 * Traps SIGINT and SIGTERM at once (so a signal during start-up is handled too). On a signal
 * the deferred steps run, newest first, and the process exits 0; a second signal, a failing
 * step or a stop that takes too long exits 1.
 */
export const trapSignals = (onError: (error: unknown) => void): Defer => {
  const steps: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.log(`Received ${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`Received ${signal}: stopping…`);
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    void (async () => {
      for (const step of steps.reverse()) await step();
    })().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        onError(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return (step) => {
    steps.push(step);
  };
};
