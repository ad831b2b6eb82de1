import { WordSelect } from '../forms/fields.js';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import type { Network, Page } from '../types.js';
import { useApi } from '../use-api.js';
import { NETWORK_ROLES, spoken } from '../vocabulary.js';
import type { PersonDetail } from './types.js';

/** The networks a person is in, with their role there, and a form to add one. */
export function NetworkLinks({ detail, onChange }: { detail: PersonDetail; onChange: () => void }) {
  const networks = useApi<Page<Network>>('/api/networks');
  const [networkId, setNetworkId] = useState('');
  const [role, setRole] = useState('member');
  const [error, setError] = useState<string | null>(null);
  const member = (id: string) => `/api/networks/${encodeURIComponent(id)}/members/${encodeURIComponent(detail.person.id)}`;
  const inAlready = new Set(detail.networks.map((n) => n.network.id));
  const open = (networks.data?.items ?? []).filter((n) => !inAlready.has(n.id));
  const run = (work: Promise<unknown>) => work.then(() => (setError(null), onChange())).catch((e: unknown) => setError(errorText(e)));

  return (
    <section>
      <h2>Networks</h2>
      {detail.networks.length === 0 && <p>In none of your networks yet.</p>}
      <ul className="list">
        {detail.networks.map((n) => (
          <li key={n.network.id}>
            <Link to={`/networks/${n.network.id}`}>{n.network.name}</Link>
            {n.role ? ` (${spoken(n.role)})` : ''}{' '}
            <button type="button" className="link" aria-label={`Remove from ${n.network.name}`} onClick={() => void run(api(member(n.network.id), { method: 'DELETE' }))}>
              remove
            </button>
          </li>
        ))}
      </ul>
      {open.length > 0 && (
        <form
          className="inline"
          aria-label="Add to a network"
          onSubmit={(e) => {
            e.preventDefault();
            if (networkId) void run(api(member(networkId), { method: 'PUT', body: { role } }));
          }}
        >
          <label>
            Network
            <select value={networkId} onChange={(e) => setNetworkId(e.target.value)} required>
              <option value="">choose a network</option>
              {open.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </label>
          <WordSelect label="Their role" words={NETWORK_ROLES} value={role} onChange={(e) => setRole(e.target.value)} />
          <button type="submit">Add</button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
