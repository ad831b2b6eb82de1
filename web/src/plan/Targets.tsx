import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import type { PlanView, Suggestion, Target } from './types.js';

/** This month's targets: mark done, drop, or swap for another suggestion. */
export function Targets({ plan, choices, onChange }: { plan: PlanView; choices: readonly Suggestion[]; onChange: (notes: string[]) => void }) {
  const [swapping, setSwapping] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = (work: Promise<{ warnings?: string[] } | undefined>, done: string) =>
    work
      .then((result) => {
        setError(null);
        setSwapping(null);
        onChange(result?.warnings?.length ? result.warnings : [done]);
      })
      .catch((e: unknown) => setError(errorText(e)));
  const path = (t: Target, action: string) => `/api/plan/targets/${encodeURIComponent(t.id)}/${action}`;
  if (plan.targets.length === 0) return <p>Nobody planned yet: accept a suggestion below.</p>;
  return (
    <>
      <ul className="findings">
        {plan.targets.map((t) => (
          <li key={t.id} className={t.status === 'open' ? '' : 'closed'}>
            <span className={`badge ${t.status}`}>{t.status}</span> <Link to={`/people/${t.person.id}`}>{t.person.name}</Link> <span className="badge">{t.source}</span>
            <div className="why">{t.reason}</div>
            {t.status === 'open' && (
              <div className="actions">
                <Link className="button" to={`/log?person=${encodeURIComponent(t.person.id)}`}>
                  Log the exchange
                </Link>
                <button type="button" className="secondary" onClick={() => void act(api(path(t, 'done'), { method: 'POST' }), `${t.person.name}: done.`)}>
                  Mark done
                </button>
                <button type="button" className="secondary" onClick={() => setSwapping(swapping === t.id ? null : t.id)} aria-expanded={swapping === t.id}>
                  Swap
                </button>
                <button type="button" className="secondary" onClick={() => void act(api(path(t, 'drop'), { method: 'POST' }), `${t.person.name} dropped from this month.`)}>
                  Drop
                </button>
              </div>
            )}
            {swapping === t.id && (
              <form
                className="inline"
                aria-label={`Swap ${t.person.name}`}
                onSubmit={(e) => {
                  e.preventDefault();
                  const personId = new FormData(e.currentTarget).get('personId');
                  if (typeof personId === 'string' && personId) void act(api(path(t, 'swap'), { method: 'POST', body: { personId } }), 'Swapped.');
                }}
              >
                <label>
                  Instead, plan
                  <select name="personId" required defaultValue="">
                    <option value="">choose someone</option>
                    {choices.map((c) => (
                      <option key={c.personId} value={c.personId}>
                        {c.name} ({c.source})
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit">Swap</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
    </>
  );
}
