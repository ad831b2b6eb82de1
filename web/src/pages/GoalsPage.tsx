import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useCheckReport } from '../data/check.js';
import { useGoals } from '../data/goals.js';
import { queryError } from '../data/query-state.js';
import { GoalForm } from '../forms/GoalForm.js';
import { NeedsMatrix } from '../goals/NeedsMatrix.js';
import type { Schema } from '../api/client.js';

type Coverage = Schema<'CheckReport'>['goals']['items'][number];

/** Goals, with how well the map covers each: the check's verdict, what is missing (or, once covered, at risk), and who serves it. */
export function GoalsPage() {
  const goals = useGoals();
  const check = useCheckReport();
  // ?add=1 (from the check's "Add a goal") opens the form at once.
  const [params] = useSearchParams();
  const [adding, setAdding] = useState(params.get('add') === '1');
  const error = queryError(goals, check);
  if (error) return <p role="alert">{error}</p>;
  if (!goals.data) return <p>Loading…</p>;
  const coverage = new Map((check.data?.goals.items ?? []).map((g) => [g.goalId, g]));
  const ordered = [...goals.data.items].sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active'));
  return (
    <section>
      <div className="title-row">
        <h1>Goals</h1>
        <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
          Add a goal
        </button>
      </div>
      {adding && (
        <GoalForm
          goal={null}
          onSaved={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        />
      )}
      {goals.data.total === 0 && <p>No goals yet. Name one or two things you are working towards: the check judges your map against them.</p>}
      {ordered.map((g) => (
        <GoalCard key={`${g.id}:${g.updatedAt}`} goal={g} coverage={coverage.get(g.id) ?? null} />
      ))}
    </section>
  );
}

function GoalCard({ goal, coverage }: { goal: Schema<'Goal'>; coverage: Coverage | null }) {
  const [editing, setEditing] = useState(false);
  return (
    <article className="card">
      <div className="title-row">
        <h2>
          {coverage ? <span className={`badge ${coverage.verdict}`}>{coverage.verdict}</span> : <span className="badge">{goal.status}</span>} {goal.statement}
        </h2>
        <button type="button" className="secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label={`Edit ${goal.statement}`}>
          Edit
        </button>
      </div>
      <p className="sub">
        {[goal.horizon && `by ${goal.horizon}`, goal.transitionFrom && goal.transitionTo && `from ${goal.transitionFrom} to ${goal.transitionTo}`, goal.needs.length > 0 && `needs ${goal.needs.map((n) => (n.essential ? `${n.name} (essential)` : n.name)).join(', ')}`].filter(Boolean).join(' · ')}
      </p>
      {editing && (
        <GoalForm
          goal={goal}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      )}
      {coverage && (
        <>
          <p className="why">{coverage.why.text}</p>
          <NeedsMatrix coverage={coverage} />
          {coverage.gaps.filter((m) => !m.code.startsWith('need-')).map((m) => (
            <p key={m.code} className="why">
              Missing: {m.why.text} <span className="next">Next: {m.next}</span>
            </p>
          ))}
          {coverage.risks.filter((m) => !m.code.startsWith('need-')).map((m) => (
            <p key={m.code} className="why">
              Risk: {m.why.text} <span className="next">Next: {m.next}</span>
            </p>
          ))}
          <p className="next">Next: {coverage.next}</p>
          <ul className="list">
            {coverage.contributors.slice(0, 10).map((c) => (
              <li key={`${c.kind}:${c.id}`}>
                <Link to={c.kind === 'person' ? `/people/${c.id}` : `/networks/${c.id}`}>{c.name}</Link> <span className="who">strength {c.strength}/5 × relevance {c.relevance}/5</span>
              </li>
            ))}
          </ul>
          {coverage.contributors.length > 10 && (
            <p className="more">
              and {coverage.contributors.length - 10} more: <Link to={`/people?goal=${goal.id}`}>see everyone linked to this goal</Link>
            </p>
          )}
        </>
      )}
    </article>
  );
}
