import { useState } from 'react';
import type { SessionRow } from '../api/api-types.ts';
import { Panel } from '../components/Panel.tsx';
import { useClient } from '../hooks/client-context.ts';
import { useApi } from '../hooks/use-api.ts';
import { formatDateTime } from '../lib/format.ts';

/** Your live sessions, the current one marked; revoke any other. */
export const SessionsPage = () => {
  const client = useClient();
  const sessions = useApi<{ sessions: SessionRow[] }>('/auth/sessions');
  const [failure, setFailure] = useState<string>();
  const revoke = async (id: string) => {
    setFailure(undefined);
    try {
      await client.request(`/auth/sessions/${id}`, { method: 'DELETE' });
      sessions.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="page">
      <h1>Sessions</h1>
      <p className="definition">
        Every browser or client logged in as you. Revoking one logs it out within 15 minutes at
        most.
      </p>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <Panel title="Live sessions" state={sessions} isEmpty={(data) => data.sessions.length === 0}>
        {(data) => (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Address</th>
                  <th scope="col">Started</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.sessions.map((session) => (
                  <tr key={session.id}>
                    <td>
                      {session.userAgent ?? 'unknown'}{' '}
                      {session.current && <span className="badge">this session</span>}
                    </td>
                    <td>{session.ipAddress ?? '—'}</td>
                    <td>{formatDateTime(session.createdAt)}</td>
                    <td>{formatDateTime(session.lastUsedAt)}</td>
                    <td>{formatDateTime(session.expiresAt)}</td>
                    <td>
                      {!session.current && (
                        <button type="button" onClick={() => void revoke(session.id)}>
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
};
