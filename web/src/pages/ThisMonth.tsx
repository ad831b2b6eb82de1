import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDueReport } from '../data/due.js';
import { useCloseFollowUp, usePeople } from '../data/people.js';
import { usePlan } from '../data/plan.js';
import { queryError } from '../data/query-state.js';
import { useLoadDemo } from '../data/settings.js';
import { errorText } from '../forms/error-text.js';
import { DatesThisMonth } from '../home/DatesThisMonth.js';
import { WorkingOn } from '../home/WorkingOn.js';
import { monthWritten } from '../dates.js';

/** How many due contacts (and follow-ups) the card lists; the server cuts the list, so the page's cost does not grow with the address book. */
const DUE_SHOWN = 12;

/** Home: the month's plan, who is due, follow-ups, the dates coming round, and what the user is working on now. */
export function ThisMonth() {
  // One person is enough to tell an empty map from a started one.
  const people = usePeople({ limit: 1 });
  const plan = usePlan();
  const due = useDueReport({ within: 7, limit: DUE_SHOWN });
  const demo = useLoadDemo();
  const close = useCloseFollowUp();
  const [message, setMessage] = useState<string | null>(null);
  const closeFollowUp = (id: string, action: 'done' | 'drop') => close.mutate({ id, action });
  const error = queryError(plan, due, close);

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
          disabled={demo.isPending}
          onClick={() => demo.mutate(undefined, { onSuccess: (r) => setMessage(`Loaded ${r.people} people.`), onError: (e) => setMessage(errorText(e)) })}
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
      {plan.data && <WorkingOn text={plan.data.workingOn} />}
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
            {due.data?.contacts.slice(0, DUE_SHOWN).map((c) => (
              <li key={c.personId}>
                <Link to={`/people/${c.personId}`}>{c.name}</Link>{' '}
                <span className={c.status === 'overdue' ? 'late' : 'soon'}>{c.status === 'overdue' ? `${c.daysOverdue} days overdue` : c.status === 'due-today' ? 'today' : c.date}</span>
              </li>
            ))}
          </ul>
          {due.data && due.data.contactsTotal > DUE_SHOWN && (
            <p className="more">
              <Link to="/people?due=due&sort=next-contact">and {due.data.contactsTotal - DUE_SHOWN} more</Link>
            </p>
          )}
        </article>
        <article className="card" aria-labelledby="fu-h">
          <h2 id="fu-h">Follow-ups</h2>
          {due.data && due.data.followUps.length === 0 && <p>No follow-ups due.</p>}
          <ul className="list">
            {due.data?.followUps.map((f) => (
              <li key={f.followUp.id}>
                {f.followUp.description} {f.personName && <span className="who">({f.personName})</span>}{' '}
                <span className={f.status === 'overdue' ? 'late' : 'soon'}>{f.followUp.dueOn}</span>{' '}
                <button type="button" className="link" aria-label={`Done: ${f.followUp.description}`} onClick={() => closeFollowUp(f.followUp.id, 'done')}>
                  done
                </button>{' '}
                <button type="button" className="link" aria-label={`Drop: ${f.followUp.description}`} onClick={() => closeFollowUp(f.followUp.id, 'drop')}>
                  drop
                </button>
              </li>
            ))}
          </ul>
          {due.data && due.data.followUpsTotal > due.data.followUps.length && <p className="more">and {due.data.followUpsTotal - due.data.followUps.length} more</p>}
        </article>
        <DatesThisMonth />
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
