import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useNetworks } from '../data/networks.js';
import { queryError } from '../data/query-state.js';
import { NetworkForm } from '../forms/NetworkForm.js';
import { spoken } from '../vocabulary.js';

/** Networks: the groups you belong to or want to join, with your role and the hours they take. */
export function NetworksPage() {
  const navigate = useNavigate();
  const networks = useNetworks();
  const [adding, setAdding] = useState(false);
  const error = queryError(networks);
  if (error) return <p role="alert">{error}</p>;
  if (!networks.data) return <p>Loading…</p>;
  const hours = networks.data.items.reduce((sum, n) => sum + n.hoursPerMonth, 0);
  return (
    <section>
      <div className="title-row">
        <h1>Networks</h1>
        <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          Add a network
        </button>
      </div>
      {adding && <NetworkForm network={null} onSaved={(n) => navigate(`/networks/${n.id}`)} onCancel={() => setAdding(false)} />}
      <p className="count">
        {networks.data.total} networks, {hours} hours a month in all
      </p>
      {networks.data.total === 0 && <p>No networks yet: add the professional bodies, groups and communities you belong to or want to join, with the hours each takes.</p>}
      <div className="table-wrap">
        <table className="people cards" aria-label="Networks">
          <thead>
            <tr>
              <th scope="col">Network</th>
              <th scope="col">Kind</th>
              <th scope="col">My role</th>
              <th scope="col">Strength</th>
              <th scope="col">Importance</th>
              <th scope="col">Hours a month</th>
            </tr>
          </thead>
          <tbody>
            {networks.data.items.map((n) => (
              <tr key={n.id}>
                {/* data-label names each field when a phone shows the row as a card (styles.css). */}
                <td data-label="Network">
                  <Link to={`/networks/${n.id}`}>{n.name}</Link>
                </td>
                <td data-label="Kind">{spoken(n.kind)}</td>
                <td data-label="My role">{spoken(n.role)}</td>
                <td data-label="Strength">{n.strength}</td>
                <td data-label="Importance">{n.importance}</td>
                <td data-label="Hours a month">{n.hoursPerMonth}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
