import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAddTarget, usePlan, usePlanSuggestions, useRollOver } from '../data/plan.js';
import { queryError } from '../data/query-state.js';
import { errorText } from '../forms/error-text.js';
import { PersonPicker } from '../forms/PersonPicker.js';
import { PlanSettings } from '../plan/PlanSettings.js';
import { Sharing } from '../plan/Sharing.js';
import { Targets } from '../plan/Targets.js';
import { monthWritten } from '../dates.js';

/** The month's plan: targets to do, swap or drop; suggestions to accept within the number and the cap; sharing. */
export function PlanPage() {
  const plan = usePlan();
  const s = usePlanSuggestions();
  const add = useAddTarget();
  const rollOver = useRollOver();
  // What the last change said (each change makes the plan stale, data/plan.ts, and it is fetched again).
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  // One add at a time: a second click while the first is on its way does nothing.
  const pending = add.isPending;
  // People planned from this page: off the suggestions at once, before the list is fetched again.
  const [planned, setPlanned] = useState<ReadonlySet<string>>(new Set());
  const said = (messages: string[]) => {
    setError(null);
    setNotes(messages);
  };
  const failed = (e: unknown) => setError(errorText(e));
  const accept = (personId: string, ownReason?: string) => {
    if (pending) return;
    add.mutate(
      { personId, ...(ownReason ? { reason: ownReason } : {}) },
      {
        onSuccess: (result) => {
          setPlanned((before) => new Set(before).add(personId));
          said([result.message, ...result.warnings]);
        },
        onError: failed,
      },
    );
  };
  const loadError = queryError(plan, s);
  if (loadError) return <p role="alert">{loadError}</p>;
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
        <Targets plan={p} choices={all} onChange={said} />
        <button
          type="button"
          className="secondary"
          onClick={() =>
            rollOver.mutate(undefined, {
              onSuccess: (carried) => said([carried.length === 0 ? 'Nothing was left open last month.' : `Carried over ${carried.length} from last month.`]),
              onError: failed,
            })
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
              <button type="button" disabled={pending} onClick={() => accept(x.personId)} aria-label={`Accept ${x.name}`}>
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
          <PersonPicker label="Whom" busy={pending} onPick={(person) => accept(person.id, reason.trim() || undefined)} />
        </details>
      </section>
      <section className="card">
        <h2>Pace</h2>
        <PlanSettings settings={p.settings} onSaved={() => said([])} />
      </section>
      <Sharing />
    </section>
  );
}
