/** A member as far as "online by platform" cares. */
export interface PlatformMember {
  status: string;
  platforms: readonly string[];
}

const ORDER = ['desktop', 'mobile', 'web', 'embedded'];

/**
 * Online (not offline) members per platform, plus "several" for those on two or more at once;
 * a member on desktop and mobile counts once for each. Platforms in a fixed order.
 */
export const toPlatformCounts = (
  members: readonly PlatformMember[],
): { label: string; value: number }[] => {
  const counts = new Map<string, number>();
  let several = 0;
  for (const member of members) {
    if (member.status === 'offline') continue;
    for (const platform of new Set(member.platforms))
      counts.set(platform, (counts.get(platform) ?? 0) + 1);
    if (new Set(member.platforms).size >= 2) several += 1;
  }
  const rank = (platform: string) =>
    ORDER.includes(platform) ? ORDER.indexOf(platform) : ORDER.length;
  const rows = [...counts]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([label, value]) => ({ label, value }));
  return several > 0 ? [...rows, { label: 'several at once', value: several }] : rows;
};
