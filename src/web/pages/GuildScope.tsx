import type { ReactNode } from 'react';
import { useClient } from '../hooks/client-context.ts';
import { LiveContext, useLiveStream } from '../hooks/use-live.ts';

/** Opens the guild's live stream once for all its pages. */
export const GuildScope = ({ guildId, children }: { guildId: string; children: ReactNode }) => {
  const live = useLiveStream(useClient(), guildId);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
};
