import { Link, useParams } from 'react-router-dom';
import type { Exchange, FollowUp, Goal, Network, Person } from '../types.js';
import { useApi } from '../use-api.js';

interface PersonDetail {
  person: Person;
  goals: { goal: Goal; relevance: number }[];
  networks: { network: Network; role: string | null }[];
  exchanges: Exchange[];
  followUps: FollowUp[];
}

/** One person: scores, channels, goals, networks, next contact and the timeline. User text is only ever text. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { data, error } = useApi<PersonDetail>(`/api/people/${encodeURIComponent(id)}`);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const p = data.person;
  return (
    <article className="person">
      <h1>{p.name}</h1>
      <p className="sub">{[p.role, p.organisation, p.location].filter(Boolean).join(' · ')}</p>
      <p>
        <Link to={`/log?person=${encodeURIComponent(p.id)}`}>Log an exchange with {p.name}</Link>
      </p>
      <dl className="facts">
        <dt>Strength</dt>
        <dd>{p.strength}/5</dd>
        <dt>Importance</dt>
        <dd>{p.importance}/5</dd>
        <dt>Stage</dt>
        <dd>{p.stage}</dd>
        <dt>Next contact</dt>
        <dd>{p.nextContact ? `${p.nextContact.date} (${p.nextContact.basis === 'manual' ? 'set by hand' : 'from the cadence'})` : 'not planned'}</dd>
        <dt>Last exchange</dt>
        <dd>{p.lastExchangeOn ?? 'none yet'}</dd>
        {p.howMet && (
          <>
            <dt>How we met</dt>
            <dd>{p.howMet}</dd>
          </>
        )}
        {p.channels.map((c, i) => (
          <div key={i} className="fact">
            <dt>{c.kind}</dt>
            {/* Shown as text, never as a link: a stored "javascript:" URL must not run. */}
            <dd>{c.value}</dd>
          </div>
        ))}
      </dl>
      {p.notes && (
        <section>
          <h2>Notes</h2>
          <p className="notes">{p.notes}</p>
        </section>
      )}
      {data.goals.length > 0 && (
        <section>
          <h2>Goals</h2>
          <ul className="list">
            {data.goals.map((g) => (
              <li key={g.goal.id}>
                {g.goal.statement} <span className="who">relevance {g.relevance}/5</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {data.networks.length > 0 && (
        <section>
          <h2>Networks</h2>
          <ul className="list">
            {data.networks.map((n) => (
              <li key={n.network.id}>
                {n.network.name}
                {n.role ? ` (${n.role})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>Timeline</h2>
        {data.exchanges.length === 0 && <p>No exchanges yet.</p>}
        <ol className="timeline">
          {data.exchanges.map((e) => (
            <li key={e.id}>
              <strong>{e.occurredOn}</strong> {e.channel}
              {e.gave.length > 0 && <> · gave {e.gave.map((g) => g.kind).join(', ')}</>}
              {e.received.length > 0 && <> · got {e.received.map((r) => r.kind).join(', ')}</>}
              {e.learned && <div className="why">Learned: {e.learned}</div>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
