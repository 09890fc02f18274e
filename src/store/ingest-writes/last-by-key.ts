/** The last row for each key, in order of first appearance: one row per target for upserts. */
export const lastByKey = <Row>(rows: readonly Row[], key: (row: Row) => string): Row[] => {
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(key(row), row);
  return [...byKey.values()];
};

/** `guildId:discordId`, the key of a member in a guild. */
export const memberKey = (row: { guildId: string; userDiscordId: string }): string =>
  `${row.guildId}:${row.userDiscordId}`;
