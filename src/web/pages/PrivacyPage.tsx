import { useState } from 'react';
import { Panel } from '../components/Panel.tsx';
import { useClient } from '../hooks/client-context.ts';
import { useApi } from '../hooks/use-api.ts';
import { navigate } from '../hooks/use-location.ts';
import { formatNumber } from '../lib/format.ts';

interface PrivacyMe {
  discordId: string;
  optOut: { everywhere: boolean; guildIds: string[] };
  held: { table: string; guildId: string | null; rows: number }[];
  retentionDays: Record<string, number>;
  auditLogDays: number;
}

const downloadJson = (fileName: string, body: unknown) => {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }),
  );
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
};

/** A member's own data: what is held, export, opt out (or back in), erase. */
export const PrivacyPage = () => {
  const client = useClient();
  const me = useApi<PrivacyMe>('/privacy/me');
  const [confirmErase, setConfirmErase] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const run = async (action: () => Promise<string>) => {
    setMessage(undefined);
    try {
      setMessage({ kind: 'ok', text: await action() });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const endSession = async () => {
    // Opting out and erasing remove the account; the session ends with it.
    await client.logout().catch(() => undefined);
    navigate('/', { replace: true });
  };

  return (
    <div className="page">
      <h1>My privacy</h1>
      <p className="definition">
        What Spywatcher holds about you in the guilds it watches, and your rights over it: export
        everything, stop collection (opt out), or erase it.
      </p>
      <Panel
        title="What is held about me"
        state={me}
        isEmpty={(data) => data.held.length === 0}
        emptyText="Nothing is held about you."
      >
        {(data) => (
          <>
            <p>
              Collection:{' '}
              <strong>{data.optOut.everywhere ? 'stopped everywhere (opted out)' : 'on'}</strong>
            </p>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Guild</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.held.map((row) => (
                  <tr key={`${row.table}:${row.guildId ?? ''}`}>
                    <td>{row.table}</td>
                    <td>{row.guildId ?? '—'}</td>
                    <td className="num">{formatNumber(row.rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">
              Kept for:{' '}
              {Object.entries(data.retentionDays)
                .map(([kind, days]) => `${kind} ${days} days`)
                .join(', ')}{' '}
              (a guild may keep less).
            </p>
          </>
        )}
      </Panel>
      {me.status !== 'unavailable' && (
        <section className="panel" aria-labelledby="rights-title">
          <h2 id="rights-title">My rights</h2>
          <div className="button-row">
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  downloadJson(
                    'spywatcher-my-data.json',
                    await client.request<unknown>('/privacy/export'),
                  );
                  return 'Your export was downloaded.';
                })
              }
            >
              Export my data
            </button>
            <button
              type="button"
              onClick={() =>
                void run(async () => {
                  await client.request('/privacy/opt-out', { method: 'POST' });
                  await endSession();
                  return 'Opted out.';
                })
              }
            >
              Opt out (stop collection and delete)
            </button>
            {confirmErase ? (
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void run(async () => {
                    await client.request('/privacy/delete', {
                      method: 'POST',
                      body: { confirm: true },
                    });
                    await endSession();
                    return 'Erased.';
                  })
                }
              >
                Confirm: erase everything, cannot be undone
              </button>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirmErase(true)}>
                Erase my data
              </button>
            )}
          </div>
          {message && (
            <p
              className={message.kind === 'error' ? 'error' : 'muted'}
              role={message.kind === 'error' ? 'alert' : 'status'}
            >
              {message.text}
            </p>
          )}
        </section>
      )}
    </div>
  );
};
