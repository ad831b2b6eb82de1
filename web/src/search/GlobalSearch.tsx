import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { nameKey } from '../../../src/core/names.js';
import { useGoals } from '../data/goals.js';
import { useNetworks } from '../data/networks.js';
import { usePeopleSearch } from '../data/people.js';
import { SEARCH_MAX_LENGTH } from '../vocabulary.js';

interface Hit {
  kind: 'person' | 'network' | 'goal';
  id: string;
  label: string;
  detail: string | null;
}

const SHOWN = 6;

/**
 * One search box for people, networks and goals, in the header on every page; "/" (or
 * Ctrl+K) goes to it from anywhere but a text field. People are searched by the server
 * (name, organisation, contact details…); networks and goals, few, in the browser.
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const needle = text.trim();
  const people = usePeopleSearch(needle, SHOWN);
  // Networks and goals load once the box is used.
  const networks = useNetworks(open);
  const goals = useGoals(open);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if ((e.key === '/' && !typing) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hits = useMemo<Hit[]>(() => {
    if (needle.length < 2) return [];
    const key = nameKey(needle);
    const found: Hit[] = (people.data?.items ?? []).map((p) => ({ kind: 'person', id: p.id, label: p.name, detail: p.organisation }));
    for (const n of networks.data?.items ?? []) if (nameKey(n.name).includes(key)) found.push({ kind: 'network', id: n.id, label: n.name, detail: null });
    for (const g of goals.data?.items ?? []) if (nameKey(g.statement).includes(key)) found.push({ kind: 'goal', id: g.id, label: g.statement, detail: null });
    return found.slice(0, 3 * SHOWN);
  }, [needle, people.data, networks.data, goals.data]);

  const go = (hit: Hit) => {
    setText('');
    setOpen(false);
    void navigate(hit.kind === 'person' ? `/people/${hit.id}` : hit.kind === 'network' ? `/networks/${hit.id}` : '/goals');
  };
  const listId = 'global-search-results';
  const showList = open && needle.length >= 2;
  return (
    <div className="global-search" role="search">
      <input
        ref={input}
        type="search"
        maxLength={SEARCH_MAX_LENGTH}
        aria-label="Search everything"
        title="People, networks and goals"
        placeholder="Search (press /)"
        value={text}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `global-hit-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && hits[active]) go(hits[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {showList && (
        <ul id={listId} role="listbox" aria-label="Search results" className="global-hits">
          {hits.length === 0 && !people.isFetching && (
            <li role="option" aria-selected={false} aria-disabled>
              Nothing matches “{needle}”.
            </li>
          )}
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}:${hit.id}`}
              id={`global-hit-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                go(hit);
              }}
            >
              <span className="badge tag">{hit.kind}</span> {hit.label}
              {hit.detail && <span className="who"> · {hit.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
