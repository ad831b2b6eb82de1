import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CheckPart } from '../check/CheckPart.js';
import { CoverageChart } from '../check/CoverageChart.js';
import { ListPart } from '../check/ListPart.js';
import { QuadrantChart, totalOf } from '../check/QuadrantChart.js';
import type { QuadrantItem } from '../check/quadrant-dots.js';
import { SummaryCards } from '../check/SummaryCards.js';
import { useCheckParts, type CheckSummaryView, type PartSource } from '../check/use-check.js';
import type { Schema } from '../api/client.js';
import { useCheckSummary } from '../data/check.js';
import { useActiveGoals } from '../data/goals.js';
import { queryError } from '../data/query-state.js';
import { plural } from '../../../src/core/words.js';
import { dayWritten } from '../dates.js';

type Finding = Schema<'CheckFinding'>;

function ItemLink({ item }: { item: { kind: 'person' | 'network'; id: string; name: string } }) {
  return <Link to={item.kind === 'person' ? `/people/${item.id}` : `/networks/${item.id}`}>{item.name}</Link>;
}

/** A finding: the item, why, and what to do next; `tag` names which list it came from. */
function findingItem(f: Finding, tag?: string): { key: string; node: ReactNode } {
  return {
    key: `${tag ?? ''}:${f.kind}:${f.id}`,
    node: (
      <>
        {tag && <span className="badge tag">{tag}</span>} <ItemLink item={f} />
        <div className="why">{f.why.text}</div>
        <div className="next">Next: {f.next}</div>
      </>
    ),
  };
}

type GoalCoverage = CheckSummaryView['goals']['items'][number];

function goalDetail(g: GoalCoverage): { key: string; node: ReactNode } {
  return {
    key: g.goalId,
    node: (
      <>
        <span className={`badge ${g.verdict}`}>{g.verdict}</span> {g.statement}
        <div className="why">{g.why.text}</div>
        {g.needs.length > 0 && (
          <ul className="needs-list" aria-label={`Needs of ${g.statement}, with who serves them`}>
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
      </>
    ),
  };
}

const QUADRANTS = ['maintain', 'strengthen', 'overInvested', 'letBe'] as const;

/**
 * Strength × importance, drawn at once from the summary's first items of each quadrant, then with
 * each quadrant's first page as it arrives, and a page more of each at every "Draw more".
 */
function QuadrantPicture({ quadrants, goalId }: { quadrants: CheckSummaryView['quadrants']; goalId: string | null }) {
  const { lists, loading, error, hasMore, more } = useCheckParts<QuadrantItem>(
    QUADRANTS.map((part) => ({ part, preview: quadrants[part].items, total: quadrants[part].total })),
    goalId,
    true,
  );
  const [maintain, strengthen, overInvested, letBe] = lists;
  const dots = QUADRANTS.reduce((sum, q) => sum + totalOf(quadrants.totals, q).items, 0);
  const drawn = lists.reduce((sum, l) => sum + l.length, 0);
  return (
    <>
      <QuadrantChart quadrants={{ maintain: maintain!, strengthen: strengthen!, overInvested: overInvested!, letBe: letBe! }} totals={quadrants.totals} />
      {error && <p role="alert">{error}</p>}
      {drawn < dots && (
        <p className="why">
          {plural(drawn, 'dot')} of {dots} drawn, the first of each quadrant by rank; the lists below hold them all.{' '}
          {loading ? (
            'Placing more…'
          ) : (
            hasMore && (
              <button type="button" className="link no-print" onClick={more}>
                Draw more
              </button>
            )
          )}
        </p>
      )}
    </>
  );
}

/**
 * The network check as a dashboard: the few things to do now, the two pictures
 * (strength × importance, goal coverage), then each part collapsed to its first
 * items with its count, opening in place. Prints as a one-page report.
 */
export function CheckPage() {
  const [params, setParams] = useSearchParams();
  const goalId = params.get('goal');
  const summary = useCheckSummary(goalId);
  const activeGoals = useActiveGoals();
  const data = summary.data;
  const error = queryError(summary);
  const goals = activeGoals.data?.items ?? [];
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const scrollTo = useRef<string | null>(null);
  const toggle = (id: string) => (open: boolean) =>
    setOpened((o) => {
      const next = new Set(o);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  // A card's action opens its part and brings it into view, heading focused (for keyboards and screen readers).
  const openSection = (section: string) => {
    scrollTo.current = section;
    // "See what it lacks" also opens the goals' need-by-need part below the picture.
    setOpened((o) => new Set([...o, section, ...(section === 'goals' ? ['goal-needs'] : [])]));
  };
  useEffect(() => {
    const section = scrollTo.current;
    if (!section) return;
    scrollTo.current = null;
    const heading = document.getElementById(`check-${section}-title`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [opened]);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Reading your map…</p>;
  const q = data.quadrants;
  const d = data.diversity;
  const s = data.summary;
  const most = Math.max(1, ...d.counts.map((c) => c.count));
  const balance = data.reciprocity.overall;
  const part = (id: string) => ({ id, open: opened.has(id), onToggle: toggle(id), goalId });
  const findings = (tag?: string) => (f: Finding) => findingItem(f, tag);
  const source = (name: PartSource<Finding>['part'], cut: { items: Finding[]; total: number }): PartSource<Finding> => ({ part: name, preview: cut.items, total: cut.total });
  const neglectTags = ['overdue', 'fading', 'lost-my-job list'];
  return (
    <section className="check">
      <div className="title-row">
        <h1>Network check</h1>
        <div className="actions no-print">
          {goals.length > 1 && (
            <label className="inline-label">
              Focus on
              <select value={goalId ?? ''} onChange={(e) => setParams(e.target.value ? { goal: e.target.value } : {})}>
                <option value="">all active goals</option>
                {goals.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.statement}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print a one-page report
          </button>
        </div>
      </div>
      <p className="check-counts">
        {dayWritten(s.today)}: {plural(s.people, 'person', 'people')}, {plural(s.networks, 'network')}, {plural(s.activeGoals, 'active goal')}
        {goalId && goals.find((g) => g.id === goalId) ? `; focused on "${goals.find((g) => g.id === goalId)!.statement}"` : ''}
      </p>
      {data.freshness.updating && (
        <p role="status" className="updating no-print">
          Bringing in your latest changes…
        </p>
      )}
      <section className="do-now-part" aria-labelledby="do-now-title">
        <h2 id="do-now-title">Do now</h2>
        <SummaryCards cards={s.cards} openSection={openSection} />
      </section>
      <div className="pictures">
        <section className="card" id="check-quadrants" aria-labelledby="check-quadrants-title">
          <h2 id="check-quadrants-title" tabIndex={-1}>
            Strength × importance
          </h2>
          <QuadrantPicture quadrants={q} goalId={goalId} />
        </section>
        <section className="card" id="check-goals" aria-labelledby="check-goals-title">
          <h2 id="check-goals-title" tabIndex={-1}>
            Goal coverage <span className="count">({data.goals.items.length})</span>
          </h2>
          {data.goals.message && <p>{data.goals.message}</p>}
          <CoverageChart goals={data.goals.items} />
        </section>
      </div>
      <div className="parts">
        <ListPart {...part('start-here')} title="Start here" sources={[source('startHere', data.startHere)]} render={findings()} empty={<p>{data.startHere.message ?? 'Nobody you know and like who can help yet.'}</p>} />
        <ListPart {...part('strengthen')} title="Strengthen" sources={[source('strengthen', q.strengthen)]} render={findings()} empty={<p>No weak tie that matters: well done.</p>} />
        <ListPart
          {...part('neglect')}
          title="Slipping away"
          sources={[source('overdue', data.neglect.overdue), source('fading', data.neglect.fading), source('lostJobList', data.neglect.lostJobList)]}
          render={(f, i) => findingItem(f, neglectTags[i])}
          empty={<p>Nobody is slipping away. Well kept.</p>}
        />
        <ListPart
          {...part('reciprocity')}
          title="Give and take"
          intro={
            <>
              <p className="why">{balance.why.text}</p>
              <p className="next">Next: {balance.next}</p>
            </>
          }
          sources={[source('oneWay', data.reciprocity.oneWay)]}
          render={findings('one-way')}
        />
        <CheckPart
          {...part('diversity')}
          title="Diversity"
          count={d.gaps.length}
          intro={
            <>
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
            </>
          }
          items={d.gaps.map((g) => ({
            key: g.code,
            node: (
              <>
                <div className="why">{g.why.text}</div>
                <div className="next">Next: {g.next}</div>
              </>
            ),
          }))}
        />
        <ListPart {...part('weak-ties')} title="Weak ties worth strengthening" sources={[source('weakTies', data.weakTies)]} render={findings()} empty={<p>{data.weakTies.message ?? 'No online-only tie that matters to a goal.'}</p>} />
        <ListPart {...part('over-invested')} title="Over-invested" sources={[source('overInvested', q.overInvested)]} render={findings()} empty={<p>Nothing takes more than it gives your goals.</p>} />
        {data.goals.items.length > 0 && <CheckPart {...part('goal-needs')} title="Goal coverage, need by need" preview={1} items={data.goals.items.map(goalDetail)} />}
        {data.transition.items.map((t) => (
          <CheckPart
            key={t.goalId}
            {...part(`transition-${t.goalId}`)}
            title={`Moving from ${t.from ?? 'here'} to ${t.to ?? 'there'}`}
            intro={
              <p className="why">
                Keep {t.hoursPerMonth.keep} h/month, reduce {t.hoursPerMonth.reduce} h/month.
              </p>
            }
            count={t.keep.total + t.reduce.total + t.build.total}
            items={(['keep', 'reduce', 'build'] as const).flatMap((action) => t[action].items.map((f) => findingItem(f, action)))}
          />
        ))}
      </div>
    </section>
  );
}
