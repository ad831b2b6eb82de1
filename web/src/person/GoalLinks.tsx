import { useState } from 'react';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import type { Goal, Page } from '../types.js';
import { useApi } from '../use-api.js';
import type { PersonDetail } from './types.js';

/** The goals a person serves, how relevant they are (1–5), and a form to link another. */
export function GoalLinks({ detail, onChange }: { detail: PersonDetail; onChange: () => void }) {
  const goals = useApi<Page<Goal>>('/api/goals?status=active');
  const [goalId, setGoalId] = useState('');
  const [relevance, setRelevance] = useState('4');
  const [error, setError] = useState<string | null>(null);
  const personPath = `/api/people/${encodeURIComponent(detail.person.id)}`;
  const linked = new Set(detail.goals.map((g) => g.goal.id));
  const open = (goals.data?.items ?? []).filter((g) => !linked.has(g.id));
  const run = (work: Promise<unknown>) =>
    work.then(() => (setError(null), onChange())).catch((e: unknown) => setError(errorText(e)));

  return (
    <section>
      <h2>Goals</h2>
      {detail.goals.length === 0 && <p>Not linked to a goal yet. Linking says who matters for what, and the check reads it.</p>}
      <ul className="list">
        {detail.goals.map((g) => (
          <li key={g.goal.id}>
            {g.goal.statement} <span className="who">relevance {g.relevance}/5</span>{' '}
            <button type="button" className="link" aria-label={`Unlink from ${g.goal.statement}`} onClick={() => void run(api(`${personPath}/goals/${encodeURIComponent(g.goal.id)}`, { method: 'DELETE' }))}>
              unlink
            </button>
          </li>
        ))}
      </ul>
      {open.length > 0 && (
        <form
          className="inline"
          aria-label="Link to a goal"
          onSubmit={(e) => {
            e.preventDefault();
            if (goalId) void run(api(`${personPath}/goals/${encodeURIComponent(goalId)}`, { method: 'PUT', body: { relevance: Number(relevance) } }));
          }}
        >
          <label>
            Goal
            <select value={goalId} onChange={(e) => setGoalId(e.target.value)} required>
              <option value="">choose a goal</option>
              {open.map((g) => (
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
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
