import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import { DatesThisMonth } from '../home/DatesThisMonth.js';
import { WorkingOn } from '../home/WorkingOn.js';
import type { DueReport, Page, Person } from '../types.js';
import { useApi } from '../use-api.js';
import { monthWritten } from '../dates.js';

interface PlanView {
  month: string;
  workingOn: string | null;
  settings: { monthlyTargets: number };
  progress: { done: number; open: number };
  targets: { id: string; status: string; reason: string; person: { id: string; name: string } }[];
  cap: { warning: string | null };
}

/** Home: the month's plan, who is due, follow-ups, the dates coming round, and what the user is working on now. */
export function ThisMonth() {
  const people = useApi<Page<Person>>('/api/people?limit=1');
  const plan = useApi<PlanView>('/api/plan');
  const due = useApi<DueReport>('/api/due?within=7');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const closeFollowUp = (id: string, action: 'done' | 'drop') =>
    api(`/api/follow-ups/${encodeURIComponent(id)}/${action}`, { method: 'POST' })
      .then(() => due.reload())
      .catch((e: unknown) => setProblem(errorText(e)));

  if (people.data && people.data.total === 0) {
    return (
      <section className="empty">
        <h1>Start your map</h1>
        <p>Waggle helps you network with intention: a few people a month, chosen for where you are heading.</p>
        <ol>
          <li>Look around with a sample map: a physiotherapist moving into research.</li>
          <li>
            Or <Link to="/import">bring in your contacts</Link>: a LinkedIn, Google or Outlook export, or vCards.
          </li>
          <li>
            Or <Link to="/people?add=1">add the first ten people you know and like</Link>: they are where every good network starts.
          </li>
        </ol>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            api<{ people: number }>('/api/demo', { method: 'POST', body: {} })
              .then((r) => {
                setMessage(`Loaded ${r.people} people.`);
                people.reload();
                plan.reload();
                due.reload();
              })
              .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)))
              .finally(() => setBusy(false));
          }}
        >
          Load the sample map
        </button>
        {message && <p role="status">{message}</p>}
      </section>
    );
  }

  return (
    <section>
      <div className="title-row">
        <h1>This month{plan.data ? `, ${monthWritten(plan.data.month)}` : ''}</h1>
        <Link className="button" to="/log">
          Log an exchange
        </Link>
      </div>
      {plan.data && <WorkingOn text={plan.data.workingOn} onSaved={plan.reload} />}
      <div className="grid">
        <article className="card" aria-labelledby="plan-h">
          <h2 id="plan-h">The plan</h2>
          {plan.data && (
            <>
              <p className="progress">
                {plan.data.progress.done} of {plan.data.settings.monthlyTargets} done
              </p>
              {plan.data.targets.length === 0 ? (
                <p>
                  Nobody planned yet. <Link to="/plan">See suggestions</Link>
                </p>
              ) : (
                <ul className="list">
                  {plan.data.targets
                    .filter((t) => t.status !== 'dropped')
                    .map((t) => (
                      <li key={t.id}>
                        <span className={`badge ${t.status}`}>{t.status}</span> <Link to={`/people/${t.person.id}`}>{t.person.name}</Link>
                        <div className="why">{t.reason}</div>
                      </li>
                    ))}
                </ul>
              )}
              {plan.data.cap.warning && <p className="note">{plan.data.cap.warning}</p>}
            </>
          )}
        </article>
        <article className="card" aria-labelledby="due-h">
          <h2 id="due-h">Due and overdue</h2>
          {due.data && due.data.contacts.length === 0 && <p>Nobody is due this week.</p>}
          <ul className="list" data-testid="due-list">
            {due.data?.contacts.slice(0, 12).map((c) => (
              <li key={c.personId}>
                <Link to={`/people/${c.personId}`}>{c.name}</Link>{' '}
                <span className={c.status === 'overdue' ? 'late' : 'soon'}>{c.status === 'overdue' ? `${c.daysOverdue} days overdue` : c.status === 'due-today' ? 'today' : c.date}</span>
              </li>
            ))}
          </ul>
          {due.data && due.data.contacts.length > 12 && <p className="more">and {due.data.contacts.length - 12} more</p>}
        </article>
        <article className="card" aria-labelledby="fu-h">
          <h2 id="fu-h">Follow-ups</h2>
          {due.data && due.data.followUps.length === 0 && <p>No follow-ups due.</p>}
          <ul className="list">
            {due.data?.followUps.map((f) => (
              <li key={f.followUp.id}>
                {f.followUp.description} {f.personName && <span className="who">({f.personName})</span>}{' '}
                <span className={f.status === 'overdue' ? 'late' : 'soon'}>{f.followUp.dueOn}</span>{' '}
                <button type="button" className="link" aria-label={`Done: ${f.followUp.description}`} onClick={() => void closeFollowUp(f.followUp.id, 'done')}>
                  done
                </button>{' '}
                <button type="button" className="link" aria-label={`Drop: ${f.followUp.description}`} onClick={() => void closeFollowUp(f.followUp.id, 'drop')}>
                  drop
                </button>
              </li>
            ))}
          </ul>
        </article>
        <DatesThisMonth />
      </div>
      {(plan.error || due.error || problem) && <p role="alert">{plan.error ?? due.error ?? problem}</p>}
    </section>
  );
}
