import { type FormEvent, useState } from 'react';
import { Panel } from '../../components/Panel.tsx';
import { useClient } from '../../hooks/client-context.ts';
import { useApi } from '../../hooks/use-api.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { ApiKeyView, CreatedKey } from './api-key-types.ts';
import { KeyUsage } from './KeyUsage.tsx';
import { ShowOnce } from './ShowOnce.tsx';

const TIERS = ['FREE', 'PRO', 'ENTERPRISE'] as const;

/** Create (the key is shown once), list, revoke and watch the usage of your API keys. */
export const KeysPage = () => {
  const client = useClient();
  const keys = useApi<{ keys: ApiKeyView[] }>('/keys');
  const [name, setName] = useState('');
  const [tier, setTier] = useState<string>('FREE');
  const [expiresInDays, setExpiresInDays] = useState('');
  const [created, setCreated] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [usageOf, setUsageOf] = useState<ApiKeyView>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const days = Number(expiresInDays);
    try {
      const body = await client.request<CreatedKey>('/keys', {
        method: 'POST',
        body: {
          name: name.trim(),
          tier,
          ...(expiresInDays && days > 0
            ? { expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() }
            : {}),
        },
      });
      setCreated(body.key);
      setName('');
      keys.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const revoke = async (id: string) => {
    setFailure(undefined);
    try {
      await client.request(`/keys/${id}`, { method: 'DELETE' });
      setConfirming(undefined);
      keys.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div className="page" data-testid="keys">
      <h1>API keys</h1>
      <p className="definition">
        Keys let your own tools call the API as you, within the tier’s daily quota. A key is shown
        once, when created; Spywatcher keeps only its hash.
      </p>
      {keys.status !== 'unavailable' && (
        <form className="panel key-form" onSubmit={create}>
          <h2>Create a key</h2>
          <label>
            Name{' '}
            <input
              required
              maxLength={100}
              value={name}
              name="keyName"
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <label>
            Tier{' '}
            <select value={tier} onChange={(event) => setTier(event.target.value)}>
              {TIERS.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
          <label>
            Expires in (days, optional){' '}
            <input
              type="number"
              min={1}
              max={3650}
              value={expiresInDays}
              onChange={(event) => setExpiresInDays(event.target.value)}
            />
          </label>
          <button type="submit" className="primary">
            Create key
          </button>
        </form>
      )}
      {created && <ShowOnce secret={created} onDone={() => setCreated(undefined)} />}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <Panel
        title="Your keys"
        state={keys}
        isEmpty={(body) => body.keys.length === 0}
        emptyText="You have no API keys yet."
      >
        {(body) => (
          <div className="table-scroll">
            <table className="data-table" aria-label="API keys">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {body.keys.map((key) => (
                  <tr key={key.id} data-key-name={key.name ?? ''}>
                    <td>{key.name ?? '—'}</td>
                    <td>
                      <code>{key.prefix}…</code>
                    </td>
                    <td>{key.tier}</td>
                    <td>{formatDateTime(key.createdAt)}</td>
                    <td>{formatDateTime(key.lastUsedAt)}</td>
                    <td>{key.expiresAt ? formatDateTime(key.expiresAt) : 'never'}</td>
                    <td>
                      {key.status === 'active' ? (
                        'active'
                      ) : (
                        <span className="badge">{key.status}</span>
                      )}
                    </td>
                    <td className="actions">
                      <button type="button" onClick={() => setUsageOf(key)}>
                        Usage
                      </button>
                      {key.status === 'active' &&
                        (confirming === key.id ? (
                          <>
                            <button
                              type="button"
                              className="danger"
                              onClick={() => void revoke(key.id)}
                            >
                              Confirm revoke
                            </button>
                            <button type="button" onClick={() => setConfirming(undefined)}>
                              Cancel
                            </button>
                          </>
                        ) : (
                          <button type="button" onClick={() => setConfirming(key.id)}>
                            Revoke
                          </button>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      {usageOf && <KeyUsage key={usageOf.id} apiKey={usageOf} />}
    </div>
  );
};
