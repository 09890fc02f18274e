import { useEffect, useMemo, useState } from 'react';
import type { MemberListItem } from '../api/api-types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Link } from '../components/Link.tsx';
import { Panel } from '../components/Panel.tsx';
import type { Loadable } from '../hooks/use-api.ts';
import { usePages } from '../hooks/use-pages.ts';
import { formatDateTime } from '../lib/format.ts';

/** Find a member by name; each row opens the member page. */
export const MembersPage = ({ guildId }: { guildId: string }) => {
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const query = useMemo(() => ({ limit: 200, search: search || undefined }), [search]);
  const members = usePages<MemberListItem>(`/guilds/${guildId}/members`, query);
  const state: Loadable<{ items: MemberListItem[] }> =
    members.status === 'error' && members.items.length === 0
      ? { status: 'error', error: new Error(members.error ?? 'failed') }
      : members.status === 'loading' && members.items.length === 0
        ? { status: 'loading' }
        : { status: 'ok', data: { items: members.items } };
  return (
    <div className="page">
      <h1>Members</h1>
      <div className="controls">
        <label>
          Search{' '}
          <input
            type="search"
            value={input}
            placeholder="name or nickname"
            onChange={(event) => setInput(event.target.value)}
          />
        </label>
      </div>
      <Panel
        title="Members"
        state={{ ...state, reload: members.retry }}
        isEmpty={(data) => data.items.length === 0}
        emptyText="No member matches."
      >
        {(data) => (
          <DataTable
            rows={data.items}
            rowKey={(row) => row.userId}
            label="Members"
            exportName="spywatcher-members"
            columns={[
              {
                key: 'name',
                label: 'Member',
                value: (row) => row.displayName,
                render: (row) => (
                  <Link to={`/guilds/${guildId}/members/${row.userId}`}>
                    {row.displayName} <span className="muted">@{row.username}</span>
                  </Link>
                ),
              },
              { key: 'status', label: 'Status', value: (row) => row.status },
              {
                key: 'platforms',
                label: 'Platforms now',
                value: (row) => row.platforms.join(' + '),
              },
              {
                key: 'joined',
                label: 'Joined',
                value: (row) => row.joinedAt,
                render: (row) => formatDateTime(row.joinedAt),
              },
              {
                key: 'seen',
                label: 'Last presence',
                value: (row) => row.lastPresenceAt,
                render: (row) => formatDateTime(row.lastPresenceAt),
              },
            ]}
          />
        )}
      </Panel>
      {members.status === 'idle' && (
        <button type="button" className="load-more" onClick={members.loadMore}>
          Load more members
        </button>
      )}
      {members.status === 'loading' && members.items.length > 0 && (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Loading…
        </p>
      )}
      {members.status === 'error' && members.items.length > 0 && (
        <p role="alert" className="error">
          Could not load more: {members.error}{' '}
          <button type="button" onClick={members.retry}>
            Try again
          </button>
        </p>
      )}
    </div>
  );
};
