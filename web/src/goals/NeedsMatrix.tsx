import { Link } from 'react-router-dom';
import { useGoalLink } from '../data/goal-links.js';
import { errorText } from '../forms/error-text.js';
import type { Schema } from '../api/shapes.js';

type Coverage = Schema<'CheckReport'>['goals']['items'][number];
type NeedCoverage = Coverage['needs'][number];

/**
 * A goal's needs × the people and networks that serve them: one column per need
 * (with its verdict), one row per contributor, the tie's strength where they serve
 * it. Under it, for each need not covered, where to look; a person whose notes
 * match can be confirmed for the need in one click (never linked silently).
 */
export function NeedsMatrix({ coverage }: { coverage: Coverage }) {
  // Confirming links the person to the goal's need: the check's coverage (this matrix) is fetched again.
  const link = useGoalLink();
  const busy = link.isPending;
  const needs = coverage.needs;
  if (needs.length === 0) return null;

  const rows = new Map<string, { kind: 'person' | 'network'; id: string; name: string; cells: Map<string, number> }>();
  for (const need of needs) {
    for (const c of need.contributors) {
      const key = `${c.kind}:${c.id}`;
      const row = rows.get(key) ?? { kind: c.kind, id: c.id, name: c.name, cells: new Map<string, number>() };
      row.cells.set(need.needId, c.strength);
      rows.set(key, row);
    }
  }
  const ordered = [...rows.values()].sort((a, b) => b.cells.size - a.cells.size || a.name.localeCompare(b.name));
  const servesOf = (id: string) => needs.filter((n) => n.contributors.some((c) => c.id === id)).map((n) => n.needId);

  const confirm = (need: NeedCoverage, personId: string) => link.mutate({ owner: { kind: 'person', id: personId }, goalId: coverage.goalId, change: { serves: [...servesOf(personId), need.needId] } });

  return (
    <div className="needs">
      <div className="table-scroll">
        <table className="matrix" aria-label={`Who serves which need of ${coverage.statement}`}>
          <thead>
            <tr>
              <th scope="col">Who</th>
              {needs.map((n) => (
                <th key={n.needId} scope="col">
                  {n.name}
                  {n.essential && <abbr title="essential">*</abbr>} <span className={`badge ${n.verdict}`}>{n.verdict}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ordered.map((row) => (
              <tr key={`${row.kind}:${row.id}`}>
                <th scope="row">
                  <Link to={row.kind === 'person' ? `/people/${row.id}` : `/networks/${row.id}`}>{row.name}</Link>
                </th>
                {needs.map((n) => {
                  const strength = row.cells.get(n.needId);
                  return <td key={n.needId}>{strength === undefined ? '' : <span className={strength >= 3 ? 'strong' : 'weak'}>{strength}/5</span>}</td>;
                })}
              </tr>
            ))}
            {ordered.length === 0 && (
              <tr>
                <td colSpan={needs.length + 1}>Nobody is linked to a need yet: say who serves what from a person's page, or confirm a suggestion below.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {needs
        .filter((n) => n.verdict !== 'covered')
        .map((n) => (
          <div key={n.needId} className="need-gap">
            <p className="why">
              <span className={`badge ${n.verdict}`}>{n.verdict}</span> {n.why.text}
            </p>
            <ul className="list">
              {n.suggestions.map((s, i) => (
                <li key={i}>
                  {s.next} <span className="who">{s.why.text}</span>{' '}
                  {s.kind === 'confirm-person' && s.target && (
                    <button type="button" className="secondary" disabled={busy} onClick={() => confirm(n, s.target!.id)}>
                      {`${s.target.name} serves ${n.name}`}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      {link.error && <p role="alert">{errorText(link.error)}</p>}
    </div>
  );
}
