import type {
  MemberProfile,
  MemberSuspicion,
  PresencePage,
  TimelinePage,
} from '../../api/api-types.ts';
import { LineChart } from '../../components/LineChart.tsx';
import { Panel } from '../../components/Panel.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { toPlatformSeries } from '../../lib/platform-series.ts';
import { SuspicionFactors } from './SuspicionFactors.tsx';
import { Timeline } from './Timeline.tsx';

const DAY_MS = 86_400_000;
const SERIES_COLORS = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)'];

/** One member: who they are, where they sign in from, roles, advisory score, full timeline. */
export const MemberPage = ({ guildId, userId }: { guildId: string; userId: string }) => {
  const base = `/guilds/${guildId}/members/${userId}`;
  const profile = useApi<MemberProfile>(base);
  const suspicion = useApi<MemberSuspicion>(`${base}/suspicion`);
  const presences = useApi<PresencePage & { window: { from: string; to: string } }>(
    `${base}/presences`,
    { limit: 500 },
  );
  const roleHistory = useApi<TimelinePage>(`${base}/timeline`, {
    kinds: 'role',
    limit: 50,
    from: new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - 399 * DAY_MS).toISOString(),
  });
  const name =
    profile.status === 'ok'
      ? profile.data.member.displayName
      : suspicion.status === 'ok'
        ? suspicion.data.displayName
        : userId;
  const day = (atMs: number) =>
    new Date(atMs).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  // Role history names only ids; the member's current roles give most of them a name.
  const roleNames = new Map(
    profile.status === 'ok' ? profile.data.member.roles.map((role) => [role.id, role.name]) : [],
  );
  const roleName = (roleId: string) => roleNames.get(roleId) ?? `role ${roleId}`;

  return (
    <div className="page" data-testid="member">
      <h1>{name}</h1>
      <div className="grid-2">
        <Panel title="Profile" state={profile}>
          {({ member }) => (
            <dl className="facts">
              <dt>Username</dt>
              <dd>@{member.username}</dd>
              <dt>Status</dt>
              <dd>
                {member.status}
                {member.platformsNow.length > 0 && ` on ${member.platformsNow.join(' + ')}`}
              </dd>
              <dt>Account created</dt>
              <dd>{formatDateTime(member.accountCreatedAt)}</dd>
              <dt>Joined</dt>
              <dd>{formatDateTime(member.joinedAt)}</dd>
              {member.leftAt && (
                <>
                  <dt>Left</dt>
                  <dd>{formatDateTime(member.leftAt)}</dd>
                </>
              )}
              <dt>Online (7 days)</dt>
              <dd>{formatNumber(Math.round(member.onlineMinutes / 60))} h</dd>
              <dt>Messages (7 days)</dt>
              <dd>{formatNumber(member.counts.messages ?? 0)}</dd>
            </dl>
          )}
        </Panel>
        <Panel title="Suspicion factors (advisory)" state={suspicion}>
          {(data) => <SuspicionFactors suspicion={data} />}
        </Panel>
        <Panel
          title="Platforms over time"
          state={presences}
          isEmpty={(data) => data.items.length === 0}
          emptyText="No presence snapshots in the last 7 days."
        >
          {(data) => {
            const series = toPlatformSeries(data.items, {
              fromMs: Date.parse(data.window.from),
              toMs: Date.parse(data.window.to),
              stepMs: DAY_MS,
            });
            return (
              <LineChart
                label="Presence snapshots per platform per day"
                formatX={day}
                series={series.map((line, index) => ({
                  ...line,
                  color: SERIES_COLORS[index % SERIES_COLORS.length] ?? 'currentColor',
                }))}
              />
            );
          }}
        </Panel>
        <Panel
          title="Roles"
          state={profile}
          isEmpty={(data) => data.member.roles.length === 0}
          emptyText="No roles."
        >
          {({ member }) => (
            <ul className="roles">
              {member.roles.map((role) => (
                <li key={role.id}>
                  {role.name}
                  {role.permissions.map((permission) => (
                    <span key={permission} className="badge danger">
                      {permission}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel
          title="Role history"
          state={roleHistory}
          isEmpty={(data) => data.items.length === 0}
          emptyText="No role changes recorded."
        >
          {(data) => (
            <ol className="timeline">
              {data.items.map((event) => (
                <li key={event.id} className="timeline-item">
                  <time dateTime={event.timestamp}>{formatDateTime(event.timestamp)}</time>
                  <span className="badge">{String(event.detail.action ?? 'changed')}</span>
                  <span>{roleName(String(event.detail.roleId ?? ''))}</span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
      </div>
      <Timeline guildId={guildId} userId={userId} />
    </div>
  );
};
