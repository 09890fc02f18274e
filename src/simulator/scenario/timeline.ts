import { toSnowflake } from '../snowflake.ts';
import type { ScenarioEvent, ScenarioEventName, ScenarioPayloads } from './scenario-event.ts';

/** Collects scenario dispatches in any order and hands them back sorted by time. */
export interface Timeline {
  readonly guildId: string;
  add<E extends ScenarioEventName>(atMs: number, event: E, data: ScenarioPayloads[E]): void;
  /** A fresh snowflake minted at `atMs` (messages, audit entries…). */
  nextId(atMs: number): string;
  /** The events so far, by time; ties keep the order they were added in. */
  toEvents(): ScenarioEvent[];
}

/** An empty timeline for one guild. */
export const createTimeline = (guildId: string): Timeline => {
  const entries: { order: number; event: ScenarioEvent }[] = [];
  let increment = 0;
  return {
    guildId,
    add(atMs, event, data) {
      const entry = { atMs: Math.round(atMs), guildId, event, data } as ScenarioEvent;
      entries.push({ order: entries.length, event: entry });
    },
    nextId(atMs) {
      increment += 1;
      return toSnowflake(Math.round(atMs), increment % 131_072, 2);
    },
    toEvents() {
      return entries
        .slice()
        .sort((a, b) => a.event.atMs - b.event.atMs || a.order - b.order)
        .map((entry) => entry.event);
    },
  };
};
