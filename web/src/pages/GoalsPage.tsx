import { Link } from 'react-router-dom';
import type { CheckReport } from '../types.js';
import { useApi } from '../use-api.js';

/** Goals, with how well the map covers each: the check's verdict, what is missing, and who serves it. */
export function GoalsPage() {
  const { data, error } = useApi<CheckReport>('/api/check');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <section>
      <h1>Goals</h1>
      {data.goals.message && <p>{data.goals.message}</p>}
      {data.goals.items.map((g) => (
        <article key={g.goalId} className="card">
          <h2>
            <span className={`badge ${g.verdict}`}>{g.verdict}</span> {g.statement}
          </h2>
          <p className="why">{g.why.text}</p>
          {g.missing.map((m) => (
            <p key={m.code} className="why">
              Missing: {m.why.text} <span className="next">Next: {m.next}</span>
            </p>
          ))}
          <p className="next">Next: {g.next}</p>
          <ul className="list">
            {g.contributors.slice(0, 10).map((c) => (
              <li key={`${c.kind}:${c.id}`}>
                {c.kind === 'person' ? <Link to={`/people/${c.id}`}>{c.name}</Link> : <strong>{c.name}</strong>} <span className="who">strength {c.strength}/5 × relevance {c.relevance}/5</span>
              </li>
            ))}
          </ul>
          {g.contributors.length > 10 && <p className="more">and {g.contributors.length - 10} more</p>}
        </article>
      ))}
    </section>
  );
}
