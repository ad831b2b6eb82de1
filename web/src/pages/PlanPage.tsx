import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api.js';
import { useApi } from '../use-api.js';

interface Suggestion {
  personId: string;
  name: string;
  source: string;
  reason: string;
  next: string;
  startsNewRelationship: boolean;
}
interface Suggestions {
  month: string;
  placesLeft: number;
  suggestions: Suggestion[];
  alternatives: Suggestion[];
  cap: { warning: string | null };
}

/** The plan: suggestions to accept, within the monthly number and the cap. */
export function PlanPage() {
  const s = useApi<Suggestions>('/api/plan/suggestions');
  const [notes, setNotes] = useState<string[]>([]);
  const accept = async (personId: string) => {
    const result = await api<{ warnings: string[] }>('/api/plan/targets', { method: 'POST', body: { personId } });
    setNotes(result.warnings.length ? result.warnings : ['Added to this month’s plan.']);
    s.reload();
  };
  if (s.error) return <p role="alert">{s.error}</p>;
  if (!s.data) return <p>Looking for good people to reach…</p>;
  const all = [...s.data.suggestions, ...s.data.alternatives];
  return (
    <section>
      <h1>Plan for {s.data.month}</h1>
      <p>
        {s.data.placesLeft} place{s.data.placesLeft === 1 ? '' : 's'} left this month. <Link to="/">See progress</Link>
      </p>
      {notes.map((n, i) => (
        <p key={i} role="status" className="note">
          {n}
        </p>
      ))}
      {s.data.cap.warning && <p className="note">{s.data.cap.warning}</p>}
      <ul className="findings">
        {all.map((x, i) => (
          <li key={x.personId}>
            <Link to={`/people/${x.personId}`}>{x.name}</Link> <span className="badge">{x.source}</span>
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
    </section>
  );
}
