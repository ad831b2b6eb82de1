import { WordSelect } from '../forms/fields.js';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useNetworkMembership, useNetworks } from '../data/networks.js';
import { errorText } from '../forms/error-text.js';
import type { Schema } from '../api/client.js';
import { NETWORK_ROLES, oneOf, spoken } from '../vocabulary.js';

/** The networks a person is in, with their role there, and a form to add one. */
export function NetworkLinks({ detail }: { detail: Schema<'PersonDetail'> }) {
  const networks = useNetworks();
  const membership = useNetworkMembership();
  const [networkId, setNetworkId] = useState('');
  const [role, setRole] = useState<(typeof NETWORK_ROLES)[number]>('member');
  const inAlready = new Set(detail.networks.map((n) => n.network.id));
  const open = (networks.data?.items ?? []).filter((n) => !inAlready.has(n.id));
  const personId = detail.person.id;

  return (
    <section>
      <h2>Networks</h2>
      {detail.networks.length === 0 && <p>In none of your networks yet.</p>}
      <ul className="list">
        {detail.networks.map((n) => (
          <li key={n.network.id}>
            <Link to={`/networks/${n.network.id}`}>{n.network.name}</Link>
            {n.role ? ` (${spoken(n.role)})` : ''}{' '}
            <button type="button" className="link" aria-label={`Remove from ${n.network.name}`} onClick={() => membership.mutate({ networkId: n.network.id, personId, role: null })}>
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
            if (networkId) membership.mutate({ networkId, personId, role });
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
          <WordSelect label="Their role" words={NETWORK_ROLES} value={role} onChange={(e) => setRole(oneOf(NETWORK_ROLES, e.target.value) ?? 'member')} />
          <button type="submit">Add</button>
        </form>
      )}
      {membership.error && <p role="alert">{errorText(membership.error)}</p>}
    </section>
  );
}
