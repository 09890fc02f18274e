const DAY_MS = 86_400_000;

/** A guild the bot left, as the purge decision sees it. */
export interface LeftGuild {
  id: string;
  leftAt: Date;
}

/**
 * The guilds whose grace period is over at `now`: left at least `graceDays` ago. A guild the
 * bot came back to has no `leftAt` any more (GUILD_CREATE clears it), so it is never here.
 */
export const decideGuildPurges = (
  guilds: readonly LeftGuild[],
  now: Date,
  graceDays: number,
): string[] =>
  guilds
    .filter((guild) => now.getTime() - guild.leftAt.getTime() >= graceDays * DAY_MS)
    .map((guild) => guild.id);
