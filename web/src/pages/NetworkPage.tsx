import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useNetwork, useNetworkMembership, useRemoveNetwork } from '../data/networks.js';
import { queryError } from '../data/query-state.js';
import { errorText } from '../forms/error-text.js';
import { WordSelect } from '../forms/fields.js';
import { GoalLinksEditor } from '../forms/GoalLinksEditor.js';
import { NetworkForm } from '../forms/NetworkForm.js';
import { PersonPicker } from '../forms/PersonPicker.js';
import type { Schema } from '../api/client.js';
import { NETWORK_ROLES, spoken } from '../vocabulary.js';

const isRole = (value: string): value is Schema<'Network'>['role'] => NETWORK_ROLES.some((role) => role === value);

/** One network: my role and hours, the goals it serves, and its people. */
export function NetworkPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const network = useNetwork(id);
  const membership = useNetworkMembership();
  const remove = useRemoveNetwork(id);
  const { data } = network;
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [memberRole, setMemberRole] = useState<Schema<'Network'>['role']>('member');
  const error = queryError(network);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const n = data.network;
  return (
    <article>
      <div className="title-row">
        <h1>{n.name}</h1>
        <button type="button" className="secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
          Edit
        </button>
      </div>
      <p className="sub">
        {spoken(n.kind)} · my role: {spoken(n.role)} · strength {n.strength}/5 · importance {n.importance}/5 · {n.hoursPerMonth} hours a month · {data.exchanges} exchanges logged
      </p>
      {editing && (
        <NetworkForm
          network={n}
          onSaved={() => {
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {/* The address is text, not a link: a stored "javascript:" URL must not run. */}
      {n.url && <p className="sub">{n.url}</p>}
      {n.notes && <p className="notes">{n.notes}</p>}
      <section>
        <h2>Goals it serves</h2>
        <GoalLinksEditor
          owner={{ kind: 'network', id }}
          links={data.goals}
          empty="Serves none of your goals yet. A network that takes hours and serves no goal shows up as over-invested in the check."
          defaultRelevance={3}
        />
      </section>
      <section>
        <h2>People in it ({data.members.length})</h2>
        {data.members.length === 0 && <p>Nobody from your map yet.</p>}
        <ul className="list columns">
          {data.members.map((m) => (
            <li key={m.id}>
              <Link to={`/people/${m.id}`}>{m.name}</Link> {m.role && <span className="who">{spoken(m.role)}</span>}
            </li>
          ))}
        </ul>
      </section>
      <details>
        <summary>Add someone to {n.name}</summary>
        <WordSelect label="Their role" words={NETWORK_ROLES} value={memberRole} onChange={(e) => isRole(e.target.value) && setMemberRole(e.target.value)} />
        <PersonPicker
          label="Who"
          onPick={(person) => membership.mutate({ networkId: id, personId: person.id, role: memberRole }, { onSuccess: () => setProblem(null), onError: (e) => setProblem(errorText(e)) })}
        />
      </details>
      {problem && <p role="alert">{problem}</p>}
      <section className="danger">
        <h2>Remove</h2>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(`Remove ${n.name}? Its people stay in your map; their membership and the goal links go.`)) remove.mutate(undefined, { onSuccess: () => void navigate('/networks'), onError: (e) => setProblem(errorText(e)) });
          }}
        >
          Remove {n.name}
        </button>
      </section>
    </article>
  );
}
