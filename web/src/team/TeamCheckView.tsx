import type { Schema } from '../api/client.js';
import { queryError } from '../data/query-state.js';
import { useTeamCheck } from '../data/team.js';

/** One finding of the team's check (a broker, a single point of failure …): the same shape in every part. */
type Finding = Schema<'TeamCheck'>['brokers']['findings'][number];

function Findings({ title, items, empty }: { title: string; items: Finding[]; empty: string }) {
  return (
    <>
      <h3>
        {title} <span className="count">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="findings" aria-label={title}>
          {items.map((f) => (
            <li key={`${f.kind} ${f.key}`}>
              <strong>{f.name}</strong>
              <div className="why">{f.why.text}</div>
              <div className="next">Next: {f.next}</div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The team check, in the personal check's style: every finding with why and next. */
export function TeamCheckView({ teamId }: { teamId: string }) {
  const check = useTeamCheck(teamId);
  const error = queryError(check);
  if (error) return <p role="alert">{error}</p>;
  if (!check.data) return <p>Loading the team check…</p>;
  const c = check.data;
  return (
    <section className="card" aria-labelledby="check-h">
      <h2 id="check-h">The team check</h2>
      <p className="count">
        {c.counts.members} {c.counts.members === 1 ? 'member' : 'members'}, {c.counts.networks} shared {c.counts.networks === 1 ? 'network' : 'networks'}, {c.counts.people} shared{' '}
        {c.counts.people === 1 ? 'person' : 'people'}, {c.counts.goals} {c.counts.goals === 1 ? 'goal' : 'goals'}
      </p>
      <h3>Coverage: networks × members</h3>
      <div className="table-wrap">
        <table className="people" aria-label="Coverage">
          <thead>
            <tr>
              <th scope="col">Network</th>
              {c.members.map((m) => (
                <th key={m.id} scope="col">
                  {m.name}
                </th>
              ))}
              <th scope="col">Reach</th>
            </tr>
          </thead>
          <tbody>
            {c.coverage.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell, i) => (
                  <td key={c.members[i]?.id ?? i}>{cell ? `${cell.role} ${cell.strength}/5` : ''}</td>
                ))}
                <td>{row.reach}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Goals</h3>
      {c.goals.length === 0 ? (
        <p>No team goals yet: add one above, and link the shared networks and people that serve it.</p>
      ) : (
        <ul className="findings" aria-label="Goal coverage">
          {c.goals.map((g) => (
            <li key={g.goalId}>
              <strong>
                {g.statement}: {g.verdict}
              </strong>
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
      )}
      <Findings title="Single points of failure" items={c.singlePointsOfFailure} empty="No goal depends on one member alone." />
      <Findings title="Redundancy" items={c.redundancy} empty="No crowding while a goal lacks a kind of network." />
      <Findings title="Brokers" items={c.brokers.findings} empty="No member bridges clusters yet." />
      <p className="why">Betweenness: {c.brokers.statement}.</p>
      <h3>Clusters</h3>
      <ul aria-label="Clusters">
        {c.clusters.map((cl) => (
          <li key={cl.id}>
            Cluster {cl.id + 1}: {cl.members.map((m) => m.name).join(', ')}
            {cl.networks.length > 0 && <> — {cl.networks.slice(0, 5).map((n) => n.name).join(', ')}</>} ({cl.people} people)
          </li>
        ))}
      </ul>
      <Findings title="Diversity gaps" items={c.diversity.gaps} empty="Every category of the checklist has someone." />
    </section>
  );
}
