import { BarList } from '../../components/BarList.tsx';
import { Heatmap } from '../../components/Heatmap.tsx';
import { formatDateTime, formatDuration, formatNumber, formatPercent } from '../../lib/format.ts';
import type { HeatmapCell } from '../../lib/heatmap-bins.ts';
import { defineAnalytic } from './analytic-page-def.ts';
import { memberColumn } from './member-cell.tsx';

interface Member {
  userId: string;
  username: string;
  displayName: string;
}
type Items<Row> = { items: Row[] };

type MultiClientRow = Member & {
  multiClientCount: number;
  presenceCount: number;
  multiClientShare: number;
  combinations: { platforms: string; count: number }[];
  firstSeenAt: string;
  lastSeenAt: string;
};

export const multiClientPage = defineAnalytic<Items<MultiClientRow>, MultiClientRow>({
  id: 'multi-client',
  title: 'Multi-client',
  path: 'analytics/multi-client',
  definition:
    'Members seen on two or more platforms (desktop, mobile, web) in one presence snapshot, with the combinations and the share of their snapshots.',
  thresholds: [],
  toRows: (data) => data.items,
  rowKey: (row) => row.userId,
  columns: ({ guildId }) => [
    memberColumn(guildId),
    {
      key: 'count',
      label: 'Multi-client snapshots',
      numeric: true,
      value: (r) => r.multiClientCount,
    },
    { key: 'presences', label: 'Snapshots', numeric: true, value: (r) => r.presenceCount },
    {
      key: 'share',
      label: 'Share',
      numeric: true,
      value: (r) => r.multiClientShare,
      render: (r) => formatPercent(r.multiClientShare),
    },
    {
      key: 'combos',
      label: 'Combinations',
      value: (r) => r.combinations.map((c) => `${c.platforms} ×${c.count}`).join('; '),
    },
    {
      key: 'last',
      label: 'Last seen',
      value: (r) => r.lastSeenAt,
      render: (r) => formatDateTime(r.lastSeenAt),
    },
  ],
  chartTitle: 'Platform combinations',
  chart: (_data, rows) => {
    const totals = new Map<string, number>();
    for (const row of rows) {
      for (const combo of row.combinations)
        totals.set(combo.platforms, (totals.get(combo.platforms) ?? 0) + combo.count);
    }
    const items = [...totals]
      .sort((a, b) => b[1] - a[1])
      .map(([label, value]) => ({ label, value }));
    return <BarList items={items} label="Snapshots per platform combination" />;
  },
  emptyText: 'Nobody was on several platforms at once in this window.',
});

type GhostRow = Member & {
  ghostScore: number;
  presenceCount: number;
  messageCount: number;
  typingCount: number;
};

export const ghostsPage = defineAnalytic<Items<GhostRow>, GhostRow>({
  id: 'ghosts',
  title: 'Ghosts',
  path: 'analytics/ghosts',
  definition:
    'Present but silent: ghostScore = online snapshots ÷ (messages + 1), listed when snapshots ≥ minimum and messages ≤ maximum. Typing that never became a message is a signal too.',
  thresholds: [
    {
      param: 'minPresence',
      label: 'Minimum online snapshots',
      defaultValue: 30,
      min: 0,
      max: 1_000_000,
    },
    { param: 'maxMessages', label: 'Maximum messages', defaultValue: 10, min: 0, max: 1_000_000 },
  ],
  toRows: (data) => data.items,
  rowKey: (row) => row.userId,
  columns: ({ guildId }) => [
    memberColumn(guildId),
    {
      key: 'score',
      label: 'Ghost score',
      numeric: true,
      value: (r) => r.ghostScore,
      render: (r) => formatNumber(r.ghostScore),
    },
    { key: 'presence', label: 'Online snapshots', numeric: true, value: (r) => r.presenceCount },
    { key: 'messages', label: 'Messages', numeric: true, value: (r) => r.messageCount },
    { key: 'typing', label: 'Typing', numeric: true, value: (r) => r.typingCount },
  ],
  chartTitle: 'Ghost score',
  chart: (_data, rows) => (
    <BarList
      items={rows
        .slice(0, 15)
        .map((r) => ({ label: r.displayName, value: r.ghostScore, hint: r.username }))}
      label="Ghost score by member"
    />
  ),
  emptyText: 'No ghosts with these thresholds.',
});

type LurkerRow = Member & { presenceCount: number; firstSeenAt: string; lastSeenAt: string };

export const lurkersPage = defineAnalytic<Items<LurkerRow>, LurkerRow>({
  id: 'lurkers',
  title: 'Lurkers',
  path: 'analytics/lurkers',
  definition:
    'Seen online (at least the minimum number of snapshots) with no messages, no typing and no reactions.',
  thresholds: [
    {
      param: 'minPresence',
      label: 'Minimum online snapshots',
      defaultValue: 5,
      min: 0,
      max: 1_000_000,
    },
  ],
  toRows: (data) => data.items,
  rowKey: (row) => row.userId,
  columns: ({ guildId }) => [
    memberColumn(guildId),
    { key: 'presence', label: 'Online snapshots', numeric: true, value: (r) => r.presenceCount },
    {
      key: 'first',
      label: 'First seen',
      value: (r) => r.firstSeenAt,
      render: (r) => formatDateTime(r.firstSeenAt),
    },
    {
      key: 'last',
      label: 'Last seen',
      value: (r) => r.lastSeenAt,
      render: (r) => formatDateTime(r.lastSeenAt),
    },
  ],
  emptyText: 'No lurkers with this threshold.',
});

type ShiftRow = Member & {
  score: number;
  flags: string[];
  messages: { before: number; now: number };
  typing: { before: number; now: number };
  onlineSeconds: { before: number; now: number };
  newPlatforms: string[];
};

export const shiftsPage = defineAnalytic<Items<ShiftRow>, ShiftRow>({
  id: 'shifts',
  title: 'Behaviour shifts',
  path: 'analytics/shifts',
  definition:
    'Each member against the previous window of the same length; flags: message drop (≥ 3 → 0), message spike (≥ 3× and +10), typing spike (> 2×, from ≥ 5), new platform. Score = number of flags.',
  thresholds: [],
  toRows: (data) => data.items,
  rowKey: (row) => row.userId,
  columns: ({ guildId }) => [
    memberColumn(guildId),
    { key: 'score', label: 'Score', numeric: true, value: (r) => r.score },
    { key: 'flags', label: 'Flags', value: (r) => r.flags.join(', ') },
    {
      key: 'messages',
      label: 'Messages before → now',
      value: (r) => `${r.messages.before} → ${r.messages.now}`,
    },
    {
      key: 'typing',
      label: 'Typing before → now',
      value: (r) => `${r.typing.before} → ${r.typing.now}`,
    },
    {
      key: 'online',
      label: 'Online before → now',
      value: (r) => r.onlineSeconds.now,
      render: (r) =>
        `${formatDuration(r.onlineSeconds.before * 1_000)} → ${formatDuration(r.onlineSeconds.now * 1_000)}`,
    },
    { key: 'platforms', label: 'New platforms', value: (r) => r.newPlatforms.join(', ') },
  ],
  emptyText: 'No behaviour shifts in this window.',
});

interface HeatmapData {
  timeZone: string;
  metric: string;
  items: HeatmapCell[];
}

export const heatmapPage = defineAnalytic<HeatmapData, HeatmapCell>({
  id: 'heatmap',
  title: 'Heatmap',
  path: 'analytics/heatmap',
  definition:
    'Messages, typing or presence by day of week × hour of day, in the time zone you choose.',
  thresholds: [],
  zoned: true,
  choices: { param: 'metric', label: 'Metric', options: ['messages', 'typing', 'presence'] },
  toRows: (data) => data.items.filter((cell) => cell.count > 0),
  rowKey: (row) => `${row.dayOfWeek}:${row.hour}`,
  columns: () => [
    { key: 'day', label: 'Day (1 = Monday)', numeric: true, value: (r) => r.dayOfWeek },
    { key: 'hour', label: 'Hour', numeric: true, value: (r) => r.hour },
    { key: 'count', label: 'Count', numeric: true, value: (r) => r.count },
  ],
  chartTitle: 'Day × hour',
  chart: (data) => <Heatmap cells={data.items} timeZone={data.timeZone} unit={data.metric} />,
  emptyText: 'No activity in this window.',
});
