import { useState } from 'react';
import { useActiveGoals } from '../data/goals.js';
import { useGoalLink, type GoalLinkChange, type GoalLinkOwner } from '../data/goal-links.js';
import type { Schema } from '../api/client.js';
import { errorText } from './error-text.js';

/** The goals a person or network serves, with relevance 1–5: unlink any, or link an active goal. */
export function GoalLinksEditor(props: { owner: GoalLinkOwner; links: readonly { goal: Schema<'Goal'>; relevance: number; serves: readonly string[] }[]; empty: string; defaultRelevance: number }) {
  const goals = useActiveGoals();
  const link = useGoalLink();
  const [goalId, setGoalId] = useState('');
  const [relevance, setRelevance] = useState(String(props.defaultRelevance));
  const linked = new Set(props.links.map((l) => l.goal.id));
  const open = (goals.data?.items ?? []).filter((g) => !linked.has(g.id));
  const run = (id: string, change: GoalLinkChange | null) => link.mutate({ owner: props.owner, goalId: id, change }, { onSuccess: () => setGoalId('') });
  return (
    <>
      {props.links.length === 0 && <p>{props.empty}</p>}
      <ul className="list">
        {props.links.map((l) => (
          <li key={l.goal.id}>
            {l.goal.statement} <span className="who">relevance {l.relevance}/5</span>{' '}
            <button type="button" className="link" aria-label={`Unlink from ${l.goal.statement}`} onClick={() => run(l.goal.id, null)}>
              unlink
            </button>
            {l.goal.needs.length > 0 && (
              <fieldset className="serves">
                <legend>Serves</legend>
                {l.goal.needs.map((need) => {
                  const serving = l.serves.includes(need.id);
                  const serves = serving ? l.serves.filter((s) => s !== need.id) : [...l.serves, need.id];
                  return (
                    <label key={need.id} className="check">
                      <input type="checkbox" checked={serving} onChange={() => run(l.goal.id, { serves })} /> {need.name}
                    </label>
                  );
                })}
              </fieldset>
            )}
          </li>
        ))}
      </ul>
      {open.length > 0 && (
        <form
          className="inline"
          aria-label="Link to a goal"
          onSubmit={(e) => {
            e.preventDefault();
            if (goalId) run(goalId, { relevance: Number(relevance) });
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
      {link.error && <p role="alert">{errorText(link.error)}</p>}
    </>
  );
}
