import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Page, Person } from '../types.js';
import { useApi } from '../use-api.js';

const PAGE_SIZE = 50;
const CATEGORIES = ['department-colleague', 'other-function', 'unrelated-industry', 'author-blogger', 'already-valued', 'professional-association', 'leader-in-field', 'social-media'];
const STAGES = ['to-meet', 'reached-out', 'met', 'in-touch', 'call-any-time', 'dormant'];

/** People: search and filter, a page at a time (fast with ten thousand). */
export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(params.get('q') ?? '');
  const offset = Number(params.get('offset') ?? 0);
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  for (const key of ['category', 'stage']) if (params.get(key)) query.set(key, params.get(key)!);
  if (params.get('q')) query.set('search', params.get('q')!);
  const people = useApi<Page<Person>>(`/api/people?${query.toString()}`);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('offset');
    setParams(next);
  };

  return (
    <section>
      <h1>People</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', draft.trim());
        }}
      >
        <label>
          Search
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="name, organisation, email…" />
        </label>
        <label>
          Category
          <select value={params.get('category') ?? ''} onChange={(e) => set('category', e.target.value)}>
            <option value="">any</option>
            {CATEGORIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Stage
          <select value={params.get('stage') ?? ''} onChange={(e) => set('stage', e.target.value)}>
            <option value="">any</option>
            {STAGES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      {people.error && <p role="alert">{people.error}</p>}
      {people.data && (
        <>
          <p className="count">
            {people.data.total} {people.data.total === 1 ? 'person' : 'people'}
          </p>
          <table className="people">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Organisation</th>
                <th scope="col">Stage</th>
                <th scope="col">Strength</th>
                <th scope="col">Importance</th>
                <th scope="col">Next contact</th>
              </tr>
            </thead>
            <tbody>
              {people.data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/people/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{p.organisation}</td>
                  <td>{p.stage}</td>
                  <td>{p.strength}</td>
                  <td>{p.importance}</td>
                  <td>{p.nextContact?.date ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={offset === 0} onClick={() => setParams(new URLSearchParams({ ...Object.fromEntries(params), offset: String(Math.max(0, offset - PAGE_SIZE)) }))}>
              Previous
            </button>
            <span>
              {people.data.total === 0 ? 0 : offset + 1}–{Math.min(offset + PAGE_SIZE, people.data.total)}
            </span>
            <button type="button" disabled={offset + PAGE_SIZE >= people.data.total} onClick={() => setParams(new URLSearchParams({ ...Object.fromEntries(params), offset: String(offset + PAGE_SIZE) }))}>
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
