import { BarList } from '../../components/BarList.tsx';
import { LineChart } from '../../components/LineChart.tsx';
import { fillSeries } from '../../lib/fill-series.ts';
import { formatDateTime, formatDuration, formatPercent } from '../../lib/format.ts';
import { defineAnalytic } from './analytic-page-def.ts';
import { memberColumn } from './member-cell.tsx';

interface Member {
  userId: string;
  username: string;
  displayName: string;
}
type Items<Row> = { items: Row[] };

type RoleDriftRow = Member & {
  addedCount: number;
  removedCount: number;
  escalation: boolean;
  changes: {
    action: string;
    roleName: string | null;
    roleId: string;
    actorName: string | null;
    timestamp: string;
    escalationPermissions: string[];
  }[];
};

export const roleDriftPage = defineAnalytic<Items<RoleDriftRow>, RoleDriftRow>({
  id: 'role-drift',
  title: 'Role drift',
  path: 'analytics/role-drift',
  definition:
    'Role changes per member with who made them; an escalation is a role granting Administrator, Manage Server, Manage Roles, Ban or Kick Members.',
  thresholds: [],
  toRows: (data) => data.items,
  rowKey: (row) => row.userId,
  columns: ({ guildId }) => [
    memberColumn(guildId),
    {
      key: 'escalation',
      label: 'Escalation',
      value: (r) => r.escalation,
      render: (r) => (r.escalation ? <span className="badge danger">escalation</span> : 'no'),
    },
    { key: 'added', label: 'Added', numeric: true, value: (r) => r.addedCount },
    { key: 'removed', label: 'Removed', numeric: true, value: (r) => r.removedCount },
    {
      key: 'changes',
      label: 'Changes',
      value: (r) =>
        r.changes
          .map(
            (c) =>
              `${c.action} ${c.roleName ?? c.roleId} by ${c.actorName ?? 'unknown'}${c.escalationPermissions.length ? ` [${c.escalationPermissions.join(', ')}]` : ''}`,
          )
          .join('; '),
    },
  ],
  emptyText: 'No role changes in this window.',
});

interface ChannelRow {
  channelId: string;
  messages: number;
  authors: number;
  typing: number;
}

export const channelsPage = defineAnalytic<Items<ChannelRow>, ChannelRow>({
  id: 'channels',
  title: 'Channels',
  path: 'analytics/channels',
  definition: 'Per channel: messages, distinct authors and typing in the window.',
  thresholds: [],
  toRows: (data) => data.items,
  rowKey: (row) => row.channelId,
  columns: () => [
    { key: 'channel', label: 'Channel id', value: (r) => r.channelId },
    { key: 'messages', label: 'Messages', numeric: true, value: (r) => r.messages },
    { key: 'authors', label: 'Authors', numeric: true, value: (r) => r.authors },
    { key: 'typing', label: 'Typing', numeric: true, value: (r) => r.typing },
  ],
  chartTitle: 'Messages per channel',
  chart: (_data, rows) => (
    <BarList
      items={rows.slice(0, 12).map((r) => ({ label: `#${r.channelId}`, value: r.messages }))}
      label="Messages per channel"
    />
  ),
  emptyText: 'No channel activity in this window.',
});

type LatencyRow = Member & {
  samples: number;
  averageMs: number;
  medianMs: number;
  fastSamples: number;
};

export const reactionLatencyPage = defineAnalytic<Items<LatencyRow>, LatencyRow>({
  id: 'reaction-latency',
  title: 'Reaction latency',
  path: 'analytics/reaction-latency',
  definition:
    'When a member starts typing within 5 s of another member’s message in the same channel: samples, average, median and fast (< 3 s) replies.',
  thresholds: [],
  toRows: (data) => data.items,
  rowKey: (row) => row.userId,
  columns: ({ guildId }) => [
    memberColumn(guildId),
    { key: 'samples', label: 'Samples', numeric: true, value: (r) => r.samples },
    {
      key: 'average',
      label: 'Average',
      numeric: true,
      value: (r) => r.averageMs,
      render: (r) => formatDuration(r.averageMs),
    },
    {
      key: 'median',
      label: 'Median',
      numeric: true,
      value: (r) => r.medianMs,
      render: (r) => formatDuration(r.medianMs),
    },
    { key: 'fast', label: 'Fast (< 3 s)', numeric: true, value: (r) => r.fastSamples },
  ],
  emptyText: 'No reaction samples in this window.',
});

interface JoinsData {
  window: { from: string; to: string };
  items: { hour: string; joins: number }[];
  bursts: {
    start: string;
    end: string;
    size: number;
    youngAccountShare: number;
    memberIds: string[];
  }[];
}
type BurstRow = JoinsData['bursts'][number];

export const joinsPage = defineAnalytic<JoinsData, BurstRow>({
  id: 'joins',
  title: 'Joins and raids',
  path: 'analytics/joins',
  definition:
    'Joins per hour; a burst is at least burstSize joins within burstMinutes, with the share of accounts younger than 7 days.',
  thresholds: [
    { param: 'burstSize', label: 'Burst size (joins)', defaultValue: 10, min: 2, max: 10_000 },
    { param: 'burstMinutes', label: 'Burst span (minutes)', defaultValue: 5, min: 1, max: 1_440 },
  ],
  toRows: (data) => data.bursts,
  rowKey: (row) => row.start,
  columns: () => [
    { key: 'start', label: 'Start', value: (r) => r.start, render: (r) => formatDateTime(r.start) },
    { key: 'end', label: 'End', value: (r) => r.end, render: (r) => formatDateTime(r.end) },
    { key: 'size', label: 'Joins', numeric: true, value: (r) => r.size },
    {
      key: 'young',
      label: 'Accounts < 7 days',
      numeric: true,
      value: (r) => r.youngAccountShare,
      render: (r) => formatPercent(r.youngAccountShare),
    },
  ],
  chartTitle: 'Joins per hour',
  chart: (data) => {
    const points = fillSeries(
      data.items.map((item) => ({ atMs: Date.parse(item.hour), value: item.joins })),
      { fromMs: Date.parse(data.window.from), toMs: Date.parse(data.window.to), stepMs: 3_600_000 },
    );
    const format = (atMs: number) =>
      new Date(atMs).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
    return (
      <LineChart
        series={[{ name: 'Joins', points, color: 'var(--series-1)' }]}
        formatX={format}
        label="Joins per hour"
      />
    );
  },
  emptyText: 'No join bursts in this window.',
});

type SuspicionRow = Member & {
  total: number;
  factors: { name: string; value: number; weight: number; reason: string }[];
};

export const suspicionPage = defineAnalytic<Items<SuspicionRow>, SuspicionRow>({
  id: 'suspicion',
  title: 'Suspicion (advisory)',
  path: 'analytics/suspicion',
  definition:
    'Advisory, explainable 0–100 score: a weighted sum of factors (ghost, lurker, multi-client, new account, role escalation, behaviour shift, timing regularity, raid join). It is not proof and never bans anyone.',
  thresholds: [],
  toRows: (data) => data.items,
  rowKey: (row) => row.userId,
  columns: ({ guildId }) => [
    memberColumn(guildId),
    { key: 'total', label: 'Score', numeric: true, value: (r) => r.total },
    {
      key: 'reasons',
      label: 'Main reasons',
      value: (r) =>
        r.factors
          .filter((f) => f.value > 0)
          .sort((a, b) => b.value * b.weight - a.value * a.weight)
          .map((f) => f.reason)
          .join('; '),
    },
  ],
  emptyText: 'No members scored in this window.',
});
