import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import { PersonPicker } from '../forms/PersonPicker.js';
import { PlanSettings } from '../plan/PlanSettings.js';
import { Sharing } from '../plan/Sharing.js';
import { Targets } from '../plan/Targets.js';
import type { PlanView, Suggestions } from '../plan/types.js';
import { useApi } from '../use-api.js';

/** The month's plan: targets to do, swap or drop; suggestions to accept within the number and the cap; sharing. */
export function PlanPage() {
  const plan = useApi<PlanView>('/api/plan');
  const s = useApi<Suggestions>('/api/plan/suggestions');
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const refresh = (messages: string[]) => {
    setNotes(messages);
    plan.reload();
    s.reload();
  };
  const accept = (personId: string, ownReason?: string) =>
    api<{ warnings: string[] }>('/api/plan/targets', { method: 'POST', body: { personId, ...(ownReason ? { reason: ownReason } : {}) } })
      .then((result) => {
        setError(null);
        refresh(result.warnings.length ? result.warnings : ['Added to this month’s plan.']);
      })
      .catch((e: unknown) => setError(errorText(e)));
  if (plan.error || s.error) return <p role="alert">{plan.error ?? s.error}</p>;
  if (!plan.data || !s.data) return <p>Looking for good people to reach…</p>;
  const all = [...s.data.suggestions, ...s.data.alternatives];
  const p = plan.data;
  return (
    <section>
      <h1>Plan for {p.month}</h1>
      <p className="progress">
        {p.progress.done} of {p.settings.monthlyTargets} done · {s.data.placesLeft} place{s.data.placesLeft === 1 ? '' : 's'} left · {p.cap.inProgress} of {p.cap.cap} new relationships in progress. <Link to="/">See the month</Link>
      </p>
      {notes.map((n, i) => (
        <p key={i} role="status" className="note">
          {n}
        </p>
      ))}
      {error && <p role="alert">{error}</p>}
      {p.cap.warning && <p className="note">{p.cap.warning}</p>}
      <section className="card">
        <h2>This month’s people</h2>
        <Targets plan={p} choices={all} onChange={refresh} />
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void api<unknown[]>('/api/plan/roll-over', { method: 'POST', body: {} })
              .then((carried) => refresh([carried.length === 0 ? 'Nothing was left open last month.' : `Carried over ${carried.length} from last month.`]))
              .catch((e: unknown) => setError(errorText(e)))
          }
        >
          Carry over last month’s open targets
        </button>
      </section>
      <section className="card">
        <h2>Suggestions</h2>
        <ul className="findings">
          {all.map((x, i) => (
            <li key={x.personId}>
              <Link to={`/people/${x.personId}`}>{x.name}</Link> <span className="badge">{x.source}</span>
              {x.startsNewRelationship && <span className="badge">new relationship</span>}
              {i >= s.data!.suggestions.length && <span className="who"> (also worth a thought)</span>}
              <div className="why">{x.reason}</div>
              <div className="next">Next: {x.next}</div>
              <button type="button" onClick={() => void accept(x.personId)} aria-label={`Accept ${x.name}`}>
                Accept
              </button>
            </li>
          ))}
        </ul>
        {all.length === 0 && <p>No suggestions: your month is full, or add goals and people so the check can suggest some.</p>}
        <details>
          <summary>Plan someone else, with your own reason</summary>
          <label>
            Why them, this month
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <PersonPicker label="Whom" onPick={(person) => void accept(person.id, reason.trim() || undefined)} />
        </details>
      </section>
      <section className="card">
        <h2>Pace</h2>
        <PlanSettings settings={p.settings} onSaved={() => refresh([])} />
      </section>
      <Sharing />
    </section>
  );
}
