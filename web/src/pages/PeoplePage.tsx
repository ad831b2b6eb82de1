import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAddressParams } from '../data/address-params.js';
import { QuickAdd } from '../people/QuickAdd.js';
import { PersonForm } from '../forms/PersonForm.js';
import { JudgeRow } from '../people/JudgeRow.js';
import { useActiveGoals } from '../data/goals.js';
import { usePeople } from '../data/people.js';
import { FILTERS, PAGE_SIZE, pageOffset, peopleQuery, QUADRANTS, SORTS } from '../people/people-query.js';
import { queryError } from '../data/query-state.js';
import { PERSON_CATEGORIES, SEARCH_MAX_LENGTH, spoken, STAGES } from '../vocabulary.js';

/** People: search, filter and sort, a page at a time (the server pages, so ten thousand stay fast). */
export function PeoplePage() {
  const navigate = useNavigate();
  const [params, changeParams] = useAddressParams();
  const [draft, setDraft] = useState(params.get('q') ?? '');
  const [adding, setAdding] = useState(params.get('add') === '1');
  const [judging, setJudging] = useState(false);
  const [quickAdding, setQuickAdding] = useState(params.get('quick') === '1');
  const [quickAdded, setQuickAdded] = useState<string | null>(null);
  const offset = pageOffset(params);
  // "Next" goes on from the last person shown (a cursor: as quick deep in the list as at its start);
  // the offset stays in the address for "previous" and for the "51–100 of …" line.
  const people = usePeople(peopleQuery(params));
  // While judging, the rows shown stay put: a person judged under "not judged yet" would
  // otherwise leave the list as soon as the list is read again after the first choice, taking
  // the other three choices with them. The page's address (filters, page) pins a new set.
  const [pinned, setPinned] = useState<{ address: string; items: NonNullable<typeof people.data>['items'] } | null>(null);
  const address = params.toString();
  if (judging && people.data && !people.isPlaceholderData && pinned?.address !== address) setPinned({ address, items: people.data.items });
  if (!judging && pinned) setPinned(null);
  const judgedRows = pinned?.address === address ? pinned.items : (people.data?.items ?? []);
  const goals = useActiveGoals();
  const set = (key: string, value: string) =>
    changeParams((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('offset');
      next.delete('cursor');
    });
  const goTo = (to: number, after?: string | null) =>
    changeParams((next) => {
      next.set('offset', String(to));
      if (after) next.set('cursor', after);
      else next.delete('cursor');
    });
  const filtered = FILTERS.some((param) => param !== 'sort' && params.get(param)) || params.get('q');
  const error = queryError(people);

  return (
    <section>
      <div className="title-row">
        <h1>People</h1>
        <div className="actions">
          <button type="button" onClick={() => setAdding((a) => !a)} aria-expanded={adding}>
            Add a person
          </button>
          <button type="button" className="secondary" onClick={() => setQuickAdding((a) => !a)} aria-expanded={quickAdding}>
            Quick add several
          </button>
        </div>
      </div>
      {adding && <PersonForm person={null} onSaved={(p) => navigate(`/people/${p.id}`)} onCancel={() => setAdding(false)} />}
      {quickAdding && (
        <QuickAdd
          onAdded={(added) => {
            setQuickAdding(false);
            setQuickAdded(added.length === 1 ? `Added ${added[0]!.name}.` : `Added ${added.length} people.`);
          }}
          onCancel={() => setQuickAdding(false)}
        />
      )}
      {quickAdded && (
        <p role="status" className="working-on">
          {quickAdded}
        </p>
      )}
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
          <input type="search" maxLength={SEARCH_MAX_LENGTH} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="name, organisation, email…" />
        </label>
        <Choice label="Category" value={params.get('category')} options={[...PERSON_CATEGORIES.map((c) => [c, spoken(c)] as const), ['none', 'not sorted yet'] as const]} onChange={(v) => set('category', v)} />
        <Choice label="Stage" value={params.get('stage')} options={STAGES.map((s) => [s, spoken(s)] as const)} onChange={(v) => set('stage', v)} />
        <Choice label="Goal" value={params.get('goal')} options={(goals.data?.items ?? []).map((g) => [g.id, g.statement] as const)} onChange={(v) => set('goal', v)} />
        <Choice label="Quadrant" value={params.get('quadrant')} options={QUADRANTS} onChange={(v) => set('quadrant', v)} />
        <Choice
          label="Due"
          value={params.get('due')}
          options={[
            ['due', 'due this week or overdue'],
            ['overdue', 'overdue'],
          ]}
          onChange={(v) => set('due', v)}
        />
        <Choice label="Judged" value={params.get('unjudged')} options={[['true', 'not judged yet (strength and importance 0)']]} onChange={(v) => set('unjudged', v)} />
        <label>
          Sort by
          <select value={params.get('sort') ?? 'name'} onChange={(e) => set('sort', e.target.value === 'name' ? '' : e.target.value)}>
            {SORTS.map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {people.data && (
        <>
          <p className="count" role="status">
            {people.data.total} {people.data.total === 1 ? 'person' : 'people'}
            {filtered && (
              <>
                {' '}
                match.{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setDraft('');
                    changeParams((current) => {
                      const sort = current.get('sort');
                      return new URLSearchParams(sort ? { sort } : {});
                    });
                  }}
                >
                  Clear the filters
                </button>
              </>
            )}
          </p>
          <label className="check">
            <input type="checkbox" checked={judging} onChange={(e) => setJudging(e.target.checked)} /> Judge as you go: change scores, category and stage in the list, saved at once
          </label>
          <div className="table-wrap">
            {judging ? (
              <table className="people judge">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Strength</th>
                    <th scope="col">Importance</th>
                    <th scope="col">Category</th>
                    <th scope="col">Stage</th>
                  </tr>
                </thead>
                <tbody>
                  {judgedRows.map((p) => (
                    <JudgeRow key={p.id} person={p} />
                  ))}
                </tbody>
              </table>
            ) : (
            <table className="people cards" aria-label="People">
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
                    {/* data-label names each field when a phone shows the row as a card (styles.css). */}
                    <td data-label="Name">
                      <Link to={`/people/${p.id}`}>{p.name}</Link>
                    </td>
                    <td data-label="Organisation">{p.organisation}</td>
                    <td data-label="Stage">{spoken(p.stage)}</td>
                    <td data-label="Strength">{p.strength}</td>
                    <td data-label="Importance">{p.importance}</td>
                    <td data-label="Next contact">{p.nextContact?.date ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            )}
          </div>
          {people.data.total === 0 && !filtered && <p>Nobody here yet. Add the first ten people you know and like, or bring them in from the Import page.</p>}
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={offset === 0} onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}>
              Previous
            </button>
            <span>
              {people.data.total === 0 ? 0 : offset + 1}–{Math.min(offset + PAGE_SIZE, people.data.total)} of {people.data.total}
            </span>
            <button type="button" disabled={offset + PAGE_SIZE >= people.data.total} onClick={() => goTo(offset + PAGE_SIZE, people.data?.nextCursor)}>
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function Choice({ label, value, options, onChange }: { label: string; value: string | null; options: readonly (readonly [string, string])[]; onChange: (value: string) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">any</option>
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
}
