import { Link } from 'react-router-dom';
import type { CheckReport, Finding } from '../types.js';
import { useApi } from '../use-api.js';

function Findings({ title, items, limit = 8 }: { title: string; items: readonly Finding[]; limit?: number }) {
  if (items.length === 0) return null;
  return (
    <section className="card">
      <h2>
        {title} <span className="count">({items.length})</span>
      </h2>
      <ul className="findings">
        {items.slice(0, limit).map((f) => (
          <li key={`${f.kind}:${f.id}`}>
            {f.kind === 'person' ? <Link to={`/people/${f.id}`}>{f.name}</Link> : <strong>{f.name}</strong>}
            <div className="why">{f.why.text}</div>
            <div className="next">Next: {f.next}</div>
          </li>
        ))}
      </ul>
      {items.length > limit && <p className="more">and {items.length - limit} more</p>}
    </section>
  );
}

/** The network check: the coach's questions, each finding with why and what to do next. */
export function CheckPage() {
  const { data, error } = useApi<CheckReport>('/api/check');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Reading your map…</p>;
  const q = data.quadrants;
  return (
    <section>
      <h1>Network check</h1>
      <ul className="headlines">
        {data.summary.headlines.map((h, i) => (
          <li key={i}>{h}</li>
        ))}
      </ul>
      <div className="quadrants" aria-label="Strength × importance">
        {(
          [
            ['strengthen', 'Strengthen', 'weak, important'],
            ['maintain', 'Maintain', 'strong, important'],
            ['letBe', 'Let be', 'weak, unimportant'],
            ['overInvested', 'Over-invested', 'strong or time-heavy, unimportant'],
          ] as const
        ).map(([key, label, hint]) => (
          <div key={key} className={`quadrant ${key}`}>
            <h3>{label}</h3>
            <p className="hint">{hint}</p>
            <p className="big">{q.totals[key].people + q.totals[key].networks}</p>
            <p className="hint">{q.totals[key].hoursPerMonth} h/month</p>
          </div>
        ))}
      </div>
      <section className="card">
        <h2>Goal coverage</h2>
        {data.goals.message && <p>{data.goals.message}</p>}
        <ul className="findings">
          {data.goals.items.map((g) => (
            <li key={g.goalId}>
              <span className={`badge ${g.verdict}`}>{g.verdict}</span> {g.statement}
              <div className="why">{g.why.text}</div>
              {g.missing.map((m) => (
                <div key={m.code} className="why">
                  Missing: {m.why.text}
                </div>
              ))}
              <div className="next">Next: {g.next}</div>
            </li>
          ))}
        </ul>
      </section>
      <Findings title="Start here" items={data.startHere.items} />
      <Findings title="Strengthen" items={q.strengthen} />
      <Findings title="Past their cadence" items={data.neglect.overdue} />
      <Findings title="Fading ties" items={data.neglect.fading} />
      <Findings title="On the lost-my-job list" items={data.neglect.lostJobList} />
      <Findings title="One-way ties" items={data.reciprocity.oneWay} />
      <Findings title="Weak ties worth strengthening" items={data.weakTies.items} />
      <Findings title="Over-invested" items={q.overInvested} />
    </section>
  );
}
