import { Link } from '../../components/Link.tsx';
import { formatDateTime } from '../../lib/format.ts';
import type { LiveAlert, LiveState } from '../../lib/live-state.ts';

const CONNECTION_TEXT: Record<LiveState['connection'], string> = {
  connecting: 'connecting…',
  open: 'live',
  closed: 'reconnecting…',
  unavailable: 'live updates not available',
};

const describeAlert = (alert: LiveAlert, name: (userId: string) => string): string => {
  switch (alert.kind) {
    case 'multiClient':
      return `${name(alert.userId)} signed in on ${alert.platforms.join(' + ')}`;
    case 'raidBurst':
      return `Raid burst: ${alert.size} joins (${alert.youngAccounts} accounts younger than 7 days)`;
    case 'roleEscalation':
      return `${name(alert.userId)} gained ${alert.roleName} (${alert.permissions.join(', ')})`;
  }
};

interface Props {
  live: LiveState;
  guildId: string;
  names: ReadonlyMap<string, string>;
}

/** What happened since the page opened: totals, alerts and the newest events. */
export const LivePanel = ({ live, guildId, names }: Props) => {
  const name = (userId: string) => names.get(userId) ?? userId;
  const totals = Object.entries(live.totals).filter(([, count]) => count > 0);
  return (
    <section className="panel" aria-labelledby="live-title" data-testid="live-panel">
      <header className="panel-header">
        <h2 id="live-title">Since you opened this page</h2>
        <span className={`badge live-${live.connection}`} data-testid="live-status">
          {CONNECTION_TEXT[live.connection]}
        </span>
      </header>
      {live.connection === 'unavailable' ? (
        <div className="panel-state muted">
          This server does not stream live events; reload for fresh figures.
        </div>
      ) : (
        <div className="panel-body live-body">
          <p className="live-totals" aria-live="polite">
            {totals.length === 0
              ? 'Waiting for events…'
              : totals.map(([kind, count]) => `${count} ${kind}`).join(' · ')}
          </p>
          {live.alerts.length > 0 && (
            <ul className="alerts" aria-label="Alerts">
              {live.alerts.map((alert) => (
                <li
                  key={`${alert.kind}-${alert.receivedAt}-${'userId' in alert ? alert.userId : ''}`}
                  className="alert"
                >
                  <span className="badge danger">{alert.kind}</span> {describeAlert(alert, name)}
                </li>
              ))}
            </ul>
          )}
          <ol className="live-feed" aria-label="Recent events" data-testid="live-feed">
            {live.recent.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id; newest first
              <li key={`${item.at}-${item.userId}-${index}`}>
                <time dateTime={item.at}>{formatDateTime(item.at)}</time>{' '}
                <span className="badge">{item.kind}</span>{' '}
                <Link to={`/guilds/${guildId}/members/${item.userId}`}>{name(item.userId)}</Link>
                {item.status ? ` is ${item.status}` : ''}
                {item.channelId ? ` in #${item.channelId}` : ''}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
};
