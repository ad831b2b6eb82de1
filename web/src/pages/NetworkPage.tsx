import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import { NetworkForm } from '../forms/NetworkForm.js';
import type { Goal, Network, Page } from '../types.js';
import { useApi } from '../use-api.js';
import { spoken } from '../vocabulary.js';

interface NetworkDetail {
  network: Network;
  members: { id: string; name: string; role: string | null; strength: number; importance: number }[];
  goals: { goal: Goal; relevance: number }[];
  exchanges: number;
}

/** One network: my role and hours, the goals it serves, and its people. */
export function NetworkPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const path = `/api/networks/${encodeURIComponent(id)}`;
  const { data, error, reload } = useApi<NetworkDetail>(path);
  const goals = useApi<Page<Goal>>('/api/goals?status=active');
  const [editing, setEditing] = useState(false);
  const [goalId, setGoalId] = useState('');
  const [relevance, setRelevance] = useState('3');
  const [problem, setProblem] = useState<string | null>(null);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const n = data.network;
  const run = (work: Promise<unknown>) => work.then(() => (setProblem(null), reload())).catch((e: unknown) => setProblem(errorText(e)));
  const linked = new Set(data.goals.map((g) => g.goal.id));
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
            reload();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {/* The address is text, not a link: a stored "javascript:" URL must not run. */}
      {n.url && <p className="sub">{n.url}</p>}
      {n.notes && <p className="notes">{n.notes}</p>}
      <section>
        <h2>Goals it serves</h2>
        {data.goals.length === 0 && <p>Serves none of your goals yet. A network that takes hours and serves no goal shows up as over-invested in the check.</p>}
        <ul className="list">
          {data.goals.map((g) => (
            <li key={g.goal.id}>
              {g.goal.statement} <span className="who">relevance {g.relevance}/5</span>{' '}
              <button type="button" className="link" aria-label={`Unlink from ${g.goal.statement}`} onClick={() => void run(api(`${path}/goals/${encodeURIComponent(g.goal.id)}`, { method: 'DELETE' }))}>
                unlink
              </button>
            </li>
          ))}
        </ul>
        {(goals.data?.items ?? []).some((g) => !linked.has(g.id)) && (
          <form
            className="inline"
            aria-label="Link to a goal"
            onSubmit={(e) => {
              e.preventDefault();
              if (goalId) void run(api(`${path}/goals/${encodeURIComponent(goalId)}`, { method: 'PUT', body: { relevance: Number(relevance) } }));
            }}
          >
            <label>
              Goal
              <select value={goalId} onChange={(e) => setGoalId(e.target.value)} required>
                <option value="">choose a goal</option>
                {goals.data?.items
                  .filter((g) => !linked.has(g.id))
                  .map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.statement}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              Relevance
              <select value={relevance} onChange={(e) => setRelevance(e.target.value)}>
                {[1, 2, 3, 4, 5].map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <button type="submit">Link</button>
          </form>
        )}
      </section>
      <section>
        <h2>People in it ({data.members.length})</h2>
        {data.members.length === 0 && <p>Nobody from your map yet. Add people to this network from their page.</p>}
        <ul className="list columns">
          {data.members.map((m) => (
            <li key={m.id}>
              <Link to={`/people/${m.id}`}>{m.name}</Link> {m.role && <span className="who">{spoken(m.role)}</span>}
            </li>
          ))}
        </ul>
      </section>
      {problem && <p role="alert">{problem}</p>}
      <section className="danger">
        <h2>Remove</h2>
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(`Remove ${n.name}? Its people stay in your map; their membership and the goal links go.`)) void api(path, { method: 'DELETE' }).then(() => navigate('/networks'), (e: unknown) => setProblem(errorText(e)));
          }}
        >
          Remove {n.name}
        </button>
      </section>
    </article>
  );
}
