import type { MemberChannelActivityRow } from '../store/queries/analytics/list-member-channel-activity.ts';

export interface ActivityMatrix {
  /** The most active members, busiest first: matrix rows. */
  members: { userId: string; username: string; displayName: string; messages: number }[];
  /** The busiest channels, busiest first: matrix columns. */
  channels: { channelId: string; messages: number }[];
  /** `counts[i][j]`: messages of `members[i]` in `channels[j]`. */
  counts: number[][];
}

/** Shapes member × channel rows (already ordered by the query) into a dense matrix. */
export const toActivityMatrix = (rows: readonly MemberChannelActivityRow[]): ActivityMatrix => {
  const members = new Map<string, ActivityMatrix['members'][number]>();
  const channels = new Map<string, ActivityMatrix['channels'][number]>();
  for (const row of rows) {
    if (!members.has(row.userId)) {
      const { userId, username, displayName, memberTotal } = row;
      members.set(userId, { userId, username, displayName, messages: memberTotal });
    }
    if (!channels.has(row.channelId)) {
      channels.set(row.channelId, { channelId: row.channelId, messages: row.channelTotal });
    }
  }
  const channelList = [...channels.values()].sort(
    (a, b) => b.messages - a.messages || (a.channelId < b.channelId ? -1 : 1),
  );
  const column = new Map(channelList.map((c, j) => [c.channelId, j]));
  const memberList = [...members.values()];
  const row = new Map(memberList.map((m, i) => [m.userId, i]));
  const counts = memberList.map(() => channelList.map(() => 0));
  for (const r of rows) {
    const line = counts[row.get(r.userId) ?? -1];
    const j = column.get(r.channelId);
    if (line && j !== undefined) line[j] = r.count;
  }
  return { members: memberList, channels: channelList, counts };
};
