import type { EventBus } from './event-bus.ts';
import type { LiveEvent } from './live-event.ts';

/** Delivers listeners an event, isolating them from each other's failures. */
export const deliver = (
  listeners: Iterable<(event: LiveEvent) => void>,
  event: LiveEvent,
  onError: (error: unknown) => void,
): void => {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      onError(error);
    }
  }
};

/** The bus of a single process: publish hands the event to this process's listeners. */
export const createMemoryEventBus = (
  onListenerError: (error: unknown) => void = () => {},
): EventBus => {
  const listeners = new Set<(event: LiveEvent) => void>();
  return {
    publish: async (event) => deliver([...listeners], event, onListenerError),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => listeners.clear(),
  };
};
