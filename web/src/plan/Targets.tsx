import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Schema } from '../api/client.js';
import { useChangeTarget } from '../data/plan.js';
import { errorText } from '../forms/error-text.js';

type Suggestion = Schema<'PlanSuggestions'>['suggestions'][number];

/** This month's targets: mark done, drop, or swap for another suggestion. */
export function Targets({ plan, choices, onChange }: { plan: Schema<'Plan'>; choices: readonly Suggestion[]; onChange: (notes: string[]) => void }) {
  const [swapping, setSwapping] = useState<string | null>(null);
  const change = useChangeTarget();
  const act = (id: string, action: 'done' | 'drop' | { swapFor: string }, done: string) =>
    change.mutate(
      { id, action },
      {
        onSuccess: (result) => {
          setSwapping(null);
          onChange(result.warnings.length ? result.warnings : [done]);
        },
      },
    );
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
                <button type="button" className="secondary" onClick={() => act(t.id, 'done', `${t.person.name}: done.`)}>
                  Mark done
                </button>
                <button type="button" className="secondary" onClick={() => setSwapping(swapping === t.id ? null : t.id)} aria-expanded={swapping === t.id}>
                  Swap
                </button>
                <button type="button" className="secondary" onClick={() => act(t.id, 'drop', `${t.person.name} dropped from this month.`)}>
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
                  if (typeof personId === 'string' && personId) act(t.id, { swapFor: personId }, 'Swapped.');
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
      {change.error && <p role="alert">{errorText(change.error)}</p>}
    </>
  );
}
