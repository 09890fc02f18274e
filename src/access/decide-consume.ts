/** A counter's current value (before this request) and its limit. */
export interface CounterReading {
  value: number;
  limit: number;
}

/** Whether one more request fits every counter; if not, the first counter it would overflow. */
export type ConsumeDecision = { type: 'allow' } | { type: 'refuse'; index: number };

/**
 * All or nothing: a request is counted on every counter (minute, day, month) or on none, so a
 * refused request never uses up quota.
 */
export const decideConsume = (readings: readonly CounterReading[]): ConsumeDecision => {
  const index = readings.findIndex((reading) => reading.value + 1 > reading.limit);
  return index === -1 ? { type: 'allow' } : { type: 'refuse', index };
};
