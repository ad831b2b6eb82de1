import { useState, type FormEvent } from 'react';
import { usePeopleSearch } from '../data/people.js';
import { queryError } from '../data/query-state.js';
import { useChangeConsent, useConsentPreview, useMyConsent, type ConsentChange } from '../data/team.js';

/*
 * The boxes are uncontrolled (keyed by the stored value): a click shows at once, and
 * the stored answer replaces it when the consent is read back.
 */

/**
 * What I share with this team, item by item, and the preview of exactly what the team
 * sees of mine. Networks are offered by default; people, learned items and the plan
 * only when I say so. Every change takes effect in the team's next answer.
 */
export function MySharing({ teamId }: { teamId: string }) {
  const consent = useMyConsent(teamId);
  const preview = useConsentPreview(teamId);
  const [search, setSearch] = useState('');
  const found = usePeopleSearch(search, 20);
  const change = useChangeConsent(teamId);
  const loadError = queryError(consent);
  const error = queryError(change);
  if (loadError) return <p role="alert">{loadError}</p>;
  if (!consent.data || !preview.data) return <p>Loading what you share…</p>;
  const c = consent.data;
  const sharedPeople = new Set(c.people.map((p) => p.id));
  const put = (consentChange: ConsentChange) => change.mutate(consentChange);
  const find = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(String(new FormData(event.currentTarget).get('search')));
  };
  const p = preview.data;
  return (
    <section className="card" aria-labelledby="mine-h">
      <h2 id="mine-h">What I share with this team</h2>
      {error && <p role="alert">{error}</p>}
      <h3>My networks (offered unless held back)</h3>
      <ul aria-label="My networks">
        {c.networks.map((n) => (
          <li key={n.id}>
            <label>
              <input type="checkbox" key={String(n.offered)} defaultChecked={n.offered} onChange={(e) => put({ networkId: n.id, offered: e.currentTarget.checked })} /> Offer {n.name}
            </label>
          </li>
        ))}
      </ul>
      <h3>People teammates may ask me to introduce</h3>
      <p>Shares their name, organisation, category and the strength of your tie; never emails, phones, notes or the journal.</p>
      <ul aria-label="People I share">
        {c.people.map((person) => (
          <li key={person.id}>
            <label>
              <input type="checkbox" defaultChecked onChange={(e) => put({ personId: person.id, shared: e.currentTarget.checked })} /> Teammates may ask me for an introduction to {person.name}
            </label>
          </li>
        ))}
      </ul>
      <form onSubmit={find}>
        <label>
          Find someone in my map <input name="search" />
        </label>{' '}
        <button type="submit">Find</button>
      </form>
      {found.data && (
        <ul aria-label="Found in my map">
          {found.data.items.map((person) => (
            <li key={person.id}>
              <label>
                <input type="checkbox" key={String(sharedPeople.has(person.id))} defaultChecked={sharedPeople.has(person.id)} onChange={(e) => put({ personId: person.id, shared: e.currentTarget.checked })} /> Teammates may ask me for an introduction to {person.name}
              </label>
            </li>
          ))}
        </ul>
      )}
      <h3>What I learned (one at a time)</h3>
      <ul aria-label="My learning">
        {c.learned.slice(0, 20).map((l) => (
          <li key={l.exchangeId}>
            <label>
              <input type="checkbox" key={String(l.shared)} defaultChecked={l.shared} onChange={(e) => put({ exchangeId: l.exchangeId, shared: e.currentTarget.checked })} /> Share “{l.learned}” ({l.occurredOn})
            </label>
          </li>
        ))}
      </ul>
      <p>
        <label>
          <input type="checkbox" key={String(c.sharePlan)} defaultChecked={c.sharePlan} onChange={(e) => put({ plan: e.currentTarget.checked })} /> Let the lead see my monthly plan's progress (whom I plan, done or open)
        </label>
      </p>
      <h3>What my team will see</h3>
      <section aria-label="What my team will see">
        <p>
          Networks: {p.networks.length === 0 ? 'none' : p.networks.map((n) => `${n.name} (${n.kind}, ${n.role}, ${n.strength}/5, ${n.hoursPerMonth} h a month)`).join('; ')}
        </p>
        <p>
          People: {p.people.length === 0 ? 'none' : p.people.map((x) => `${x.name}${x.organisation ? `, ${x.organisation}` : ''}${x.category ? `, ${x.category}` : ''}, tie ${x.strength}/5`).join('; ')}
        </p>
        <p>Learned: {p.learned.length === 0 ? 'nothing' : p.learned.map((l) => `“${l.learned}”`).join('; ')}</p>
        <p>Plan (the lead only): {p.plan ? p.plan.targets.map((t) => `${t.name} (${t.status})`).join(', ') || 'nothing planned this month' : 'not shared'}</p>
      </section>
    </section>
  );
}
