import { z } from 'zod';

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(4_096) }),
  z.object({ type: z.literal('ping') }),
]);

/** What a live client may send: its token (first, or again to extend), or a ping. */
export type ClientMessage = z.infer<typeof clientMessage>;

/** A client's text frame; undefined for anything that is not one of {@link ClientMessage}. */
export const parseClientMessage = (text: string): ClientMessage | undefined => {
  try {
    const result = clientMessage.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
};
