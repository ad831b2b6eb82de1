import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { usePersonDetail, useRemovePerson } from '../data/people.js';
import { queryError } from '../data/query-state.js';
import { errorText } from '../forms/error-text.js';
import { PersonForm } from '../forms/PersonForm.js';
import { GoalLinks } from '../person/GoalLinks.js';
import { NetworkLinks } from '../person/NetworkLinks.js';
import { PersonDates } from '../person/PersonDates.js';
import { OutreachDraft } from '../person/OutreachDraft.js';
import { PersonPhoto } from '../person/PersonPhoto.js';
import { RecordIntroduction } from '../person/RecordIntroduction.js';
import { RecordTie } from '../person/RecordTie.js';
import { Timeline } from '../person/Timeline.js';
import { contactHref } from '../person/contact-href.js';
import { spoken, STRENGTH_WORDS } from '../vocabulary.js';
import { plural } from '../../../src/core/words.js';

/** One person: scores, channels, goals, networks, next contact, the timeline and a draft. User text is only ever text. */
export function PersonPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = usePersonDetail(id);
  const removal = useRemovePerson(id);
  const [editing, setEditing] = useState(false);
  const { data } = detail;
  const error = queryError(detail);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const p = data.person;
  const remove = () => {
    if (window.confirm(`Remove ${p.name}, with their links and follow-ups? Exchanges with others stay.`)) removal.mutate(undefined, { onSuccess: () => void navigate('/people') });
  };
  return (
    <article className="person">
      <div className="title-row">
        <h1>{p.name}</h1>
        <div className="actions">
          <Link className="button" to={`/log?person=${encodeURIComponent(p.id)}`}>
            Log an exchange
          </Link>
          {/* A plain link: the browser saves the card the API sends as an attachment (no notes in it). */}
          <a className="button secondary" href={`/api/people/${encodeURIComponent(p.id)}/vcard`} download>
            Download vCard
          </a>
          <button type="button" className="secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            Edit
          </button>
        </div>
      </div>
      <p className="sub">{[p.role, p.organisation, p.location].filter(Boolean).join(' · ')}</p>
      <PersonPhoto personId={p.id} name={p.name} hasPhoto={data.hasPhoto} />
      {editing && (
        <PersonForm
          key={p.updatedAt}
          person={p}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      )}
      <dl className="facts">
        <dt>Strength</dt>
        <dd>{STRENGTH_WORDS[p.strength] ?? p.strength}</dd>
        <dt>Importance</dt>
        <dd>{p.importance}/5</dd>
        <dt>Stage</dt>
        <dd>{spoken(p.stage)}</dd>
        {p.category && (
          <>
            <dt>Category</dt>
            <dd>{spoken(p.category)}</dd>
          </>
        )}
        <dt>Next contact</dt>
        <dd data-testid="next-contact">
          {p.nextContact ? `${p.nextContact.date} (${p.nextContact.basis === 'manual' ? 'set by hand' : 'from the cadence'})` : 'not planned'}
          {/* Against the server's today (its clock and the profile's time zone), which the detail carries: no second request. */}
          {p.nextContact && p.nextContact.date < data.today && <span className="badge missing overdue"> overdue by {plural(daysBetween(p.nextContact.date, data.today), 'day')}</span>}
        </dd>
        <dt>Last exchange</dt>
        <dd>{p.lastExchangeOn ?? 'none yet'}</dd>
        {p.howMet && (
          <>
            <dt>How we met</dt>
            <dd>{p.howMet}</dd>
          </>
        )}
        {p.canHelpHow && (
          <>
            <dt>Can help with</dt>
            <dd>{p.canHelpHow}</dd>
          </>
        )}
        {p.channels.map((c, i) => (
          <div key={i} className="fact">
            <dt>{c.kind}</dt>
            {/* A link only when it leads to mailto:, tel:, http: or https: (contact-href.ts); a stored "javascript:" stays text. */}
            <dd>
              <ContactValue kind={c.kind} value={c.value} />
            </dd>
          </div>
        ))}
      </dl>
      {(p.knowAndLike || p.canHelp || p.lostJobList || p.tags.length > 0) && (
        <p className="tags">
          {p.knowAndLike && <span className="badge">know and like</span>} {p.canHelp && <span className="badge">can help</span>} {p.lostJobList && <span className="badge">lost-my-job list</span>}{' '}
          {p.tags.map((t) => (
            <span key={t} className="badge tag">
              {t}
            </span>
          ))}
        </p>
      )}
      {p.notes && (
        <section>
          <h2>Notes</h2>
          <p className="notes">{p.notes}</p>
        </section>
      )}
      <PersonDates personId={p.id} dates={data.dates} />
      <div className="grid two">
        <GoalLinks detail={data} />
        <NetworkLinks detail={data} />
      </div>
      <section>
        <h2>Knows</h2>
        {data.ties.length === 0 && <p>Nobody recorded yet.</p>}
        <ul className="list">
          {data.ties.map((t) => (
            <li key={t.person.id}>
              <Link to={`/people/${t.person.id}`}>{t.person.name}</Link> <span className="who">tie {t.strength}/5</span>
              {t.note && <div className="why">{t.note}</div>}
            </li>
          ))}
        </ul>
        <RecordTie personId={p.id} />
      </section>
      <Timeline detail={data} />
      <RecordIntroduction personId={p.id} name={p.name} />
      <OutreachDraft personId={p.id} />
      <section className="danger">
        <h2>Remove</h2>
        <button type="button" className="danger" onClick={remove}>
          Remove {p.name}
        </button>
        {removal.error && <p role="alert">{errorText(removal.error)}</p>}
      </section>
    </article>
  );
}

function ContactValue({ kind, value }: { kind: string; value: string }) {
  const href = contactHref(kind, value);
  if (!href) return <>{value}</>;
  const web = href.startsWith('http');
  return (
    <a href={href} {...(web ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {value}
    </a>
  );
}

/** Whole days from one ISO date to a later one. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
