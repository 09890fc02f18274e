import { useState } from 'react';
import { Panel } from '../../components/Panel.tsx';
import { useClient } from '../../hooks/client-context.ts';
import { useApi } from '../../hooks/use-api.ts';
import { formatDateTime } from '../../lib/format.ts';

interface GuildSettings {
  contentCapture: boolean;
  retentionDays: { overrides: Record<string, number | null>; effective: Record<string, number> };
  updatedAt: string | null;
}

/** Content capture and per-kind retention overrides of one guild. */
export const GuildSettingsPage = ({ guildId }: { guildId: string }) => {
  const client = useClient();
  const settings = useApi<GuildSettings>(`/guilds/${guildId}/settings`);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const save = async (body: unknown) => {
    setMessage(undefined);
    try {
      await client.request(`/guilds/${guildId}/settings`, { method: 'PATCH', body });
      setMessage({ kind: 'ok', text: 'Saved.' });
      setDraft({});
      settings.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="page">
      <h1>Guild settings</h1>
      <Panel title="Collection and retention" state={settings}>
        {(data) => (
          <form
            className="settings-form"
            onSubmit={(event) => {
              event.preventDefault();
              const retentionDays = Object.fromEntries(
                Object.entries(draft).map(([kind, value]) => [
                  kind,
                  value.trim() === '' ? null : Number(value),
                ]),
              );
              void save({ retentionDays });
            }}
          >
            <label className="switch">
              <input
                type="checkbox"
                checked={data.contentCapture}
                onChange={(event) => void save({ contentCapture: event.target.checked })}
              />{' '}
              Store message content (off by default; only metadata is kept otherwise)
            </label>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Kept now (days)</th>
                  <th scope="col">Override (empty = default)</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(data.retentionDays.effective).map(([kind, days]) => (
                  <tr key={kind}>
                    <td>{kind}</td>
                    <td className="num">{days}</td>
                    <td>
                      <input
                        type="number"
                        min={1}
                        aria-label={`${kind} retention override in days`}
                        value={draft[kind] ?? String(data.retentionDays.overrides[kind] ?? '')}
                        onChange={(event) => setDraft({ ...draft, [kind]: event.target.value })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="submit" className="primary" disabled={Object.keys(draft).length === 0}>
              Save retention
            </button>
            <p className="muted small">Last changed: {formatDateTime(data.updatedAt)}</p>
          </form>
        )}
      </Panel>
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'muted'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
};
