import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { QuadrantChart } from '../check/QuadrantChart.js';
import type { CheckReport, Finding, Goal, Page } from '../types.js';
import { useApi } from '../use-api.js';
import { plural } from '../../../src/core/words.js';

function ItemLink({ item }: { item: { kind: 'person' | 'network'; id: string; name: string } }) {
  return <Link to={item.kind === 'person' ? `/people/${item.id}` : `/networks/${item.id}`}>{item.name}</Link>;
}

/** Findings as a list: the item, why, and (unless left out) what to do next. */
function FindingItems({ items, withNext = true }: { items: readonly Finding[]; withNext?: boolean }) {
  return (
    <ul className="findings">
      {items.map((f) => (
        <li key={`${f.kind}:${f.id}`}>
          <ItemLink item={f} />
          <div className="why">{f.why.text}</div>
          {withNext && <div className="next">Next: {f.next}</div>}
        </li>
      ))}
    </ul>
  );
}

/** The rest of a long list, drawn only once opened: on a big map a list can run to thousands. */
function MoreFindings({ items }: { items: readonly Finding[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="more" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>and {items.length} more</summary>
      {open && <FindingItems items={items} withNext={false} />}
    </details>
  );
}

function Findings({ title, items, limit = 8, empty }: { title: string; items: readonly Finding[]; limit?: number; empty?: string | null }) {
  if (items.length === 0 && !empty) return null;
  return (
    <section className="card">
      <h2>
        {title} <span className="count">({items.length})</span>
      </h2>
      {items.length === 0 && <p>{empty}</p>}
      <FindingItems items={items.slice(0, limit)} />
      {items.length > limit && <MoreFindings items={items.slice(limit)} />}
    </section>
  );
}

/** The network check: the coach's questions, each finding with why and what to do next. */
export function CheckPage() {
  const [params, setParams] = useSearchParams();
  const goalId = params.get('goal');
  const { data, error } = useApi<CheckReport>(goalId ? `/api/check?goalId=${encodeURIComponent(goalId)}` : '/api/check');
  const goals = useApi<Page<Goal>>('/api/goals?status=active');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Reading your map…</p>;
  const q = data.quadrants;
  const d = data.diversity;
  const most = Math.max(1, ...d.counts.map((c) => c.count));
  const balance = data.reciprocity.overall;
  return (
    <section>
      <div className="title-row">
        <h1>Network check</h1>
        {(goals.data?.items.length ?? 0) > 1 && (
          <label className="inline-label">
            Focus on
            <select value={goalId ?? ''} onChange={(e) => setParams(e.target.value ? { goal: e.target.value } : {})}>
              <option value="">all active goals</option>
              {goals.data?.items.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.statement}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ul className="headlines">
        {data.summary.headlines.map((h, i) => (
          <li key={i}>{h}</li>
        ))}
      </ul>
      <section className="card">
        <h2>Strength × importance</h2>
        <QuadrantChart quadrants={q} />
      </section>
      <section className="card">
        <h2>Goal coverage</h2>
        {data.goals.message && <p>{data.goals.message}</p>}
        <ul className="findings">
          {data.goals.items.map((g) => (
            <li key={g.goalId}>
              <span className={`badge ${g.verdict}`}>{g.verdict}</span> {g.statement}
              <div className="why">{g.why.text}</div>
              {g.needs.length > 0 && (
                <ul className="needs-list" aria-label={`Needs of ${g.statement}`}>
                  {g.needs.map((n) => (
                    <li key={n.needId}>
                      <span className={`badge ${n.verdict}`}>{n.verdict}</span> {n.name}
                      {n.essential && ' (essential)'}: {n.contributors.length ? n.contributors.slice(0, 3).map((c) => `${c.name} ${c.strength}/5`).join(', ') : 'nobody'}
                      {n.verdict !== 'covered' && n.suggestions[0] && <div className="next">Next: {n.suggestions[0].next}</div>}
                    </li>
                  ))}
                </ul>
              )}
              {g.gaps
                .filter((m) => !m.code.startsWith('need-'))
                .map((m) => (
                  <div key={m.code} className="why">
                    Missing: {m.why.text}
                  </div>
                ))}
              {g.risks
                .filter((m) => !m.code.startsWith('need-'))
                .map((m) => (
                  <div key={m.code} className="why">
                    Risk: {m.why.text}
                  </div>
                ))}
              <div className="next">Next: {g.next}</div>
            </li>
          ))}
        </ul>
      </section>
      <Findings title="Start here" items={data.startHere.items} empty={data.startHere.message} />
      <Findings title="Strengthen" items={q.strengthen} />
      <section className="card">
        <h2>Diversity</h2>
        <p className="why">
          {plural(d.total, 'person', 'people')}, {d.uncategorised} not sorted into a category yet.
        </p>
        <table className="bars">
          <tbody>
            {d.counts.map((c) => (
              <tr key={c.category}>
                <th scope="row">
                  <Link to={`/people?category=${c.category}`}>{c.label}</Link>
                </th>
                <td>
                  <span className="bar" style={{ width: `${(100 * c.count) / most}%` }} />
                </td>
                <td className="num">{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.gaps.map((g) => (
          <p key={g.code} className="why">
            {g.why.text} <span className="next">Next: {g.next}</span>
          </p>
        ))}
      </section>
      <section className="card">
        <h2>Give and take</h2>
        <p className="why">{balance.why.text}</p>
        <p className="next">Next: {balance.next}</p>
      </section>
      <Findings title="One-way ties" items={data.reciprocity.oneWay} />
      <Findings title="Past their cadence" items={data.neglect.overdue} />
      <Findings title="Fading ties" items={data.neglect.fading} />
      <Findings title="On the lost-my-job list" items={data.neglect.lostJobList} />
      <Findings title="Weak ties worth strengthening" items={data.weakTies.items} empty={data.weakTies.message} />
      <Findings title="Over-invested" items={q.overInvested} />
      {data.transition.items.map((t) => (
        <section key={t.goalId} className="card">
          <h2>
            Moving from {t.from ?? 'here'} to {t.to ?? 'there'}
          </h2>
          {(['keep', 'reduce', 'build'] as const).map((action) =>
            t[action].length > 0 ? (
              <div key={action}>
                <h3>
                  {action === 'keep' ? 'Keep' : action === 'reduce' ? 'Reduce' : 'Build'} <span className="count">({t.hoursPerMonth[action]} h/month)</span>
                </h3>
                <FindingItems items={t[action]} />
              </div>
            ) : null,
          )}
        </section>
      ))}
    </section>
  );
}
