import { useEffect, useRef, useState } from 'react';
import type { TimelineEvent } from '../../api/api-types.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useTimeline } from './use-timeline.ts';

const KINDS = [
  'message',
  'typing',
  'reaction',
  'presence',
  'role',
  'join',
  'leave',
  'ban',
  'voice',
] as const;

const describe = (event: TimelineEvent): string => {
  const detail = event.detail;
  const channel = typeof detail.channelId === 'string' ? ` in #${detail.channelId}` : '';
  switch (event.kind) {
    case 'message':
      return `${typeof detail.content === 'string' ? `“${detail.content}”` : `message of ${String(detail.length ?? '?')} characters`}${channel}${detail.deletedAt ? ' (deleted)' : ''}${detail.editedAt ? ' (edited)' : ''}`;
    case 'reaction':
      return `${String(detail.action ?? 'reacted')} ${String(detail.emoji ?? '')}${channel}`;
    case 'presence': {
      const platforms = Array.isArray(detail.platforms) ? detail.platforms.join(' + ') : '';
      return `${String(detail.status ?? 'presence')}${platforms ? ` on ${platforms}` : ''}`;
    }
    case 'role':
      return `role ${String(detail.roleName ?? detail.roleId ?? '')} ${String(detail.action ?? '')}`;
    default:
      return `${event.kind}${channel}`;
  }
};

/** Every event of the member, newest first: type filters, search and infinite scroll. */
export const Timeline = ({ guildId, userId }: { guildId: string; userId: string }) => {
  const [kinds, setKinds] = useState<string[]>([]);
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchInput), 350);
    return () => clearTimeout(timer);
  }, [searchInput]);
  const timeline = useTimeline(guildId, userId, { kinds, search });
  const sentinel = useRef<HTMLDivElement>(null);
  const { loadMore } = timeline;
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [loadMore]);

  const toggle = (kind: string) =>
    setKinds((current) =>
      current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind],
    );

  return (
    <section className="panel" aria-labelledby="timeline-title" data-testid="timeline">
      <header className="panel-header">
        <h2 id="timeline-title">Timeline</h2>
      </header>
      <div className="timeline-controls">
        <fieldset className="kind-filter">
          <legend>Show (none checked = all)</legend>
          {KINDS.map((kind) => (
            <label key={kind}>
              <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} />{' '}
              {kind}
            </label>
          ))}
        </fieldset>
        <label>
          Search{' '}
          <input
            type="search"
            value={searchInput}
            placeholder="content, emoji, activity, channel id"
            onChange={(event) => setSearchInput(event.target.value)}
          />
        </label>
      </div>
      <ol className="timeline">
        {timeline.items.map((event) => (
          <li key={`${event.kind}:${event.id}`} className={`timeline-item kind-${event.kind}`}>
            <time dateTime={event.timestamp}>{formatDateTime(event.timestamp)}</time>
            <span className="badge">{event.kind}</span>
            <span>{describe(event)}</span>
            {event.marks.map((mark) => (
              <span key={mark} className="badge warn" title="Anomaly between adjacent events">
                {mark}
              </span>
            ))}
          </li>
        ))}
      </ol>
      <div ref={sentinel} className="timeline-end">
        {timeline.status === 'loading' && (
          <span role="status">
            <span className="spinner" aria-hidden="true" /> Loading…
          </span>
        )}
        {timeline.status === 'error' && (
          <span role="alert" className="error">
            Could not load: {timeline.error}{' '}
            <button type="button" onClick={timeline.retry}>
              Try again
            </button>
          </span>
        )}
        {timeline.status === 'idle' && (
          <button type="button" onClick={loadMore}>
            Load more
          </button>
        )}
        {timeline.status === 'done' && (
          <span className="muted">
            {timeline.items.length === 0 ? 'No events match.' : 'End of the timeline.'}
          </span>
        )}
      </div>
    </section>
  );
};
