import { type FormEvent, useState } from 'react';
import { Panel } from '../../components/Panel.tsx';
import { useClient } from '../../hooks/client-context.ts';
import { useApi } from '../../hooks/use-api.ts';
import { formatDateTime } from '../../lib/format.ts';

interface IpBlock {
  id: string;
  ipAddress: string;
  reason: string | null;
  blockedAt: string;
  expiresAt: string | null;
  active: boolean;
}

/** Addresses refused by the API (instance admins), with optional expiry. */
export const IpBlocksPage = () => {
  const client = useClient();
  const blocks = useApi<{ blocks: IpBlock[] }>('/admin/ip-blocks');
  const [ipAddress, setIpAddress] = useState('');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState('');
  const [failure, setFailure] = useState<string>();
  const act = async (action: () => Promise<unknown>) => {
    setFailure(undefined);
    try {
      await action();
      blocks.reload();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const expiresInHours = Number(hours);
    void act(async () => {
      await client.request('/admin/ip-blocks', {
        method: 'POST',
        body: {
          ipAddress: ipAddress.trim(),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(hours && expiresInHours > 0
            ? { expiresAt: new Date(Date.now() + expiresInHours * 3_600_000).toISOString() }
            : {}),
        },
      });
      setIpAddress('');
      setReason('');
    });
  };
  return (
    <div className="page">
      <h1>IP blocks</h1>
      <p className="definition">
        Addresses the API refuses (instance admins only). Repeated failed logins block an address
        automatically.
      </p>
      {blocks.status !== 'unavailable' && (
        <form className="panel key-form" onSubmit={add}>
          <h2>Block an address</h2>
          <label>
            Address{' '}
            <input
              required
              value={ipAddress}
              placeholder="203.0.113.7"
              onChange={(event) => setIpAddress(event.target.value)}
            />
          </label>
          <label>
            Reason <input value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          <label>
            Expires in (hours, optional){' '}
            <input
              type="number"
              min={1}
              value={hours}
              onChange={(event) => setHours(event.target.value)}
            />
          </label>
          <button type="submit" className="primary">
            Block
          </button>
        </form>
      )}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <Panel
        title="Blocked addresses"
        state={blocks}
        isEmpty={(body) => body.blocks.length === 0}
        emptyText="No address is blocked."
      >
        {(body) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {body.blocks.map((block) => (
                <tr key={block.id}>
                  <td>
                    <code>{block.ipAddress}</code>
                  </td>
                  <td>{block.reason ?? '—'}</td>
                  <td>{formatDateTime(block.blockedAt)}</td>
                  <td>
                    {block.expiresAt ? formatDateTime(block.expiresAt) : 'never'}
                    {!block.active && <span className="badge">expired</span>}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() =>
                        void act(() =>
                          client.request(`/admin/ip-blocks/${block.id}`, { method: 'DELETE' }),
                        )
                      }
                    >
                      Unblock
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
};
