import { useEffect, useRef, useState } from 'react';
import type {
  ChannelsResult,
  HeatmapResult,
  MemberListItem,
  Overview,
} from '../../api/api-types.ts';
import { BarList } from '../../components/BarList.tsx';
import { Heatmap } from '../../components/Heatmap.tsx';
import { KpiCard } from '../../components/KpiCard.tsx';
import { LineChart } from '../../components/LineChart.tsx';
import { Panel } from '../../components/Panel.tsx';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useLive } from '../../hooks/use-live.ts';
import { browserTimeZone, formatNumber, formatPercent } from '../../lib/format.ts';
import { toPlatformCounts } from '../../lib/platform-counts.ts';
import { LivePanel } from './LivePanel.tsx';
import { useDailyActivity } from './use-daily-activity.ts';

/** Presence changes refetch the overview (cached server-side) at most this often. */
const REFETCH_MS = 10_000;

/** The guild at a glance, kept current by the live stream. */
export const OverviewPage = ({ guildId }: { guildId: string }) => {
  const live = useLive();
  const overview = useApi<Overview>(`/guilds/${guildId}/overview`);
  const members = useApi<{ items: MemberListItem[]; nextCursor: string | null }>(
    `/guilds/${guildId}/members`,
    {
      limit: 500,
      sort: 'recent',
    },
  );
  const activity = useDailyActivity(guildId, 7);
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const heatmap = useApi<HeatmapResult>(`/guilds/${guildId}/analytics/heatmap`, {
    tz: timeZone,
    metric: 'messages',
  });
  const channels = useApi<ChannelsResult>(`/guilds/${guildId}/analytics/channels`, { limit: 10 });

  // Messages that arrived live since the overview was loaded are added to its count.
  const liveMessages = live.totals.messages ?? 0;
  const baseline = useRef({ data: undefined as Overview | undefined, messages: 0 });
  if (overview.status === 'ok' && baseline.current.data !== overview.data) {
    baseline.current = { data: overview.data, messages: liveMessages };
  }
  const presences = live.totals.presences ?? 0;
  const { reload } = overview;
  const lastReload = useRef(0);
  useEffect(() => {
    if (presences === 0) return;
    const wait = Math.max(0, lastReload.current + REFETCH_MS - Date.now());
    const timer = setTimeout(() => {
      lastReload.current = Date.now();
      reload();
    }, wait);
    return () => clearTimeout(timer);
  }, [presences, reload]);

  const names = new Map(
    members.status === 'ok' ? members.data.items.map((m) => [m.userId, m.displayName]) : [],
  );
  const day = (atMs: number) =>
    new Date(atMs).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' });

  return (
    <div className="page" data-testid="overview">
      <h1>Overview</h1>
      <Panel title="Last 7 days" state={overview} className="wide">
        {(data) => {
          const messages = data.messageCount + liveMessages - baseline.current.messages;
          return (
            <div className="kpis">
              <KpiCard label="Members tracked" value={formatNumber(data.membersTracked)} />
              <KpiCard
                label="Online now"
                value={formatNumber(data.onlineNow)}
                testId="kpi-online"
                live={presences > 0}
              />
              <KpiCard
                label="Messages"
                value={formatNumber(messages)}
                testId="kpi-messages"
                live={liveMessages > 0}
              />
              <KpiCard
                label="Active members"
                value={formatNumber(data.activeMembers)}
                hint="messages, typing or reactions"
              />
              <KpiCard
                label="On several clients now"
                value={formatPercent(data.multiClientShareNow)}
                hint={`${data.multiClientNow} of ${data.onlineNow} online`}
              />
            </div>
          );
        }}
      </Panel>
      <div className="grid-2">
        <Panel
          title="Activity per day"
          state={activity}
          isEmpty={(data) => data.messages.every((p) => p.value === 0)}
        >
          {(data) => (
            <>
              <LineChart
                label="Messages per day"
                formatX={day}
                series={[{ name: 'Messages', points: data.messages, color: 'var(--series-1)' }]}
                height={170}
              />
              <LineChart
                label="Active members per day"
                formatX={day}
                series={[
                  { name: 'Active members', points: data.activeMembers, color: 'var(--series-2)' },
                ]}
                height={120}
              />
            </>
          )}
        </Panel>
        <Panel
          title="Online now by platform"
          state={members}
          isEmpty={(data) => toPlatformCounts(data.items).length === 0}
          emptyText="Nobody is online right now."
        >
          {(data) => (
            <>
              <BarList items={toPlatformCounts(data.items)} label="Online members per platform" />
              {data.nextCursor && (
                <p className="muted small">Counted over the 500 members seen most recently.</p>
              )}
            </>
          )}
        </Panel>
        <Panel
          title="When messages happen"
          state={heatmap}
          isEmpty={(data) => data.items.every((cell) => cell.count === 0)}
          actions={<TimeZoneSelect value={timeZone} onChange={setTimeZone} />}
        >
          {(data) => <Heatmap cells={data.items} timeZone={data.timeZone} unit="messages" />}
        </Panel>
        <Panel title="Top channels" state={channels} isEmpty={(data) => data.items.length === 0}>
          {(data) => (
            <BarList
              items={data.items.map((c) => ({
                label: `#${c.channelId}`,
                value: c.messages,
                hint: `${c.authors} authors`,
              }))}
              label="Messages per channel"
            />
          )}
        </Panel>
      </div>
      <LivePanel live={live} guildId={guildId} names={names} />
    </div>
  );
};
