import { useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { DateRangePicker } from '../../components/DateRangePicker.tsx';
import { Panel } from '../../components/Panel.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { type DateRange, toRangeQuery } from '../../lib/date-range.ts';
import { formatDateTime } from '../../lib/format.ts';

interface AuditEntry {
  id: string;
  userId: string | null;
  actorDiscordId: string | null;
  action: string;
  resource: string | null;
  resourceId: string | null;
  guildId: string | null;
  ipAddress: string | null;
  details: unknown;
  timestamp: string;
}

const LIMIT = 200;

/** Security-relevant actions (logins, keys, exports, deletions, blocks), filterable. */
export const AuditPage = () => {
  const [range, setRange] = useState<DateRange>({ preset: '7d' });
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const log = useApi<{ entries: AuditEntry[]; nextCursor: string | null }>('/audit-log', {
    ...toRangeQuery(range, Date.now()),
    action: action.trim() || undefined,
    actor: actor.trim() || undefined,
    limit: LIMIT,
  });
  return (
    <div className="page">
      <h1>Audit log</h1>
      <p className="definition">
        Every security-relevant action: logins and failures, key creation and revocation, exports,
        deletions, blocks.
      </p>
      <div className="controls">
        <DateRangePicker value={range} onChange={setRange} />
        <label>
          Action{' '}
          <input
            value={action}
            placeholder="e.g. login"
            onChange={(event) => setAction(event.target.value)}
          />
        </label>
        <label>
          Actor (user or Discord id){' '}
          <input value={actor} onChange={(event) => setActor(event.target.value)} />
        </label>
      </div>
      <Panel
        title="Entries"
        state={log}
        isEmpty={(body) => body.entries.length === 0}
        emptyText="No entries match."
      >
        {(body) => (
          <>
            {body.nextCursor && (
              <p className="muted small">
                The newest {LIMIT} entries; narrow the window or filters to see older ones.
              </p>
            )}
            <DataTable<AuditEntry>
              rows={body.entries}
              rowKey={(row) => row.id}
              label="Audit log"
              exportName="spywatcher-audit-log"
              columns={[
                {
                  key: 'at',
                  label: 'When',
                  value: (row) => row.timestamp,
                  render: (row) => formatDateTime(row.timestamp),
                },
                { key: 'action', label: 'Action', value: (row) => row.action },
                { key: 'user', label: 'Actor', value: (row) => row.actorDiscordId ?? row.userId },
                { key: 'guild', label: 'Guild', value: (row) => row.guildId },
                {
                  key: 'resource',
                  label: 'Resource',
                  value: (row) => [row.resource, row.resourceId].filter(Boolean).join(' '),
                },
                { key: 'ip', label: 'Address', value: (row) => row.ipAddress },
                {
                  key: 'details',
                  label: 'Details',
                  value: (row) => (row.details ? JSON.stringify(row.details) : ''),
                },
              ]}
            />
          </>
        )}
      </Panel>
    </div>
  );
};
