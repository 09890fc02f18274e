import { z } from 'zod';
import type { LiveEvent } from './live-event.ts';

/** Enough of the shape to route an event; the rest was written by our own publisher. */
const liveEventShape = z.looseObject({
  type: z.enum(['events', 'alert']),
  guildId: z.string().regex(/^\d{1,20}$/),
  at: z.string(),
});

/** A live event read from the shared channel; undefined for anything else. */
export const parseLiveEvent = (text: string): LiveEvent | undefined => {
  try {
    const result = liveEventShape.safeParse(JSON.parse(text));
    return result.success ? (result.data as unknown as LiveEvent) : undefined;
  } catch {
    return undefined;
  }
};
