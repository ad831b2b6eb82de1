import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import { PersonPicker } from '../forms/PersonPicker.js';
import { PlanSettings } from '../plan/PlanSettings.js';
import { Sharing } from '../plan/Sharing.js';
import { Targets } from '../plan/Targets.js';
import type { AddedTarget, PlanView, Suggestions } from '../plan/types.js';
import { useApi } from '../use-api.js';
import { monthWritten } from '../dates.js';

/** The month's plan: targets to do, swap or drop; suggestions to accept within the number and the cap; sharing. */
export function PlanPage() {
  const plan = useApi<PlanView>('/api/plan');
  const s = useApi<Suggestions>('/api/plan/suggestions');
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  // One add at a time: a second click while the first is on its way does nothing.
  const [pending, setPending] = useState(false);
  // People planned from this page: off the suggestions at once, before the list is fetched again.
  const [planned, setPlanned] = useState<ReadonlySet<string>>(new Set());
  const refresh = (messages: string[]) => {
    setNotes(messages);
    plan.reload();
    s.reload();
  };
  const accept = (personId: string, ownReason?: string) => {
    if (pending) return;
    setPending(true);
    return api<AddedTarget>('/api/plan/targets', { method: 'POST', body: { personId, ...(ownReason ? { reason: ownReason } : {}) } })
      .then((result) => {
        setError(null);
        setPlanned((before) => new Set(before).add(personId));
        refresh([result.message, ...result.warnings]);
      })
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setPending(false));
  };
  if (plan.error || s.error) return <p role="alert">{plan.error ?? s.error}</p>;
  if (!plan.data || !s.data) return <p>Looking for good people to reach…</p>;
  const suggested = s.data.suggestions.filter((x) => !planned.has(x.personId));
  const all = [...suggested, ...s.data.alternatives.filter((x) => !planned.has(x.personId))];
  const p = plan.data;
  return (
    <section>
      <h1>Plan for {monthWritten(p.month)}</h1>
      <p className="progress">
        {p.progress.text} · {p.cap.text}. <Link to="/">See the month</Link>
      </p>
      {/* The cap warning is said once, below, from the plan itself. */}
      {notes
        .filter((n) => n !== p.cap.warning)
        .map((n, i) => (
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
              {i >= suggested.length && <span className="who"> (also worth a thought)</span>}
              <div className="why">{x.reason}</div>
              <div className="next">Next: {x.next}</div>
              <button type="button" disabled={pending} onClick={() => void accept(x.personId)} aria-label={`Accept ${x.name}`}>
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
          <PersonPicker label="Whom" busy={pending} onPick={(person) => void accept(person.id, reason.trim() || undefined)} />
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
