import { useState } from 'react';
import { usePeopleSearch } from '../data/people.js';
import { SEARCH_MAX_LENGTH } from '../vocabulary.js';

/** Find a person by typing two letters or more, then choose one. */
export function PersonPicker({ label, onPick, busy = false }: { label: string; onPick: (person: { id: string; name: string }) => void; /** While true, choosing is disabled (an earlier choice is on its way). */ busy?: boolean }) {
  const [search, setSearch] = useState('');
  const needle = search.trim();
  const matches = usePeopleSearch(needle, 8);
  return (
    <div className="picker">
      <label>
        {label}
        <input type="search" maxLength={SEARCH_MAX_LENGTH} value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Type two letters or more" />
      </label>
      {needle.length >= 2 && (
        <ul className="list">
          {matches.data?.items.map((p) => (
            <li key={p.id}>
              <button type="button" className="link" disabled={busy} onClick={() => onPick({ id: p.id, name: p.name })}>
                {p.name}
              </button>{' '}
              <span className="who">{p.organisation}</span>
            </li>
          ))}
          {matches.data?.items.length === 0 && <li>Nobody matches “{needle}”.</li>}
        </ul>
      )}
    </div>
  );
}
