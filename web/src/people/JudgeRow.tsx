import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import type { Person } from '../types.js';
import { IMPORTANCE_WORDS, PERSON_CATEGORIES, spoken, STAGES, STRENGTH_WORDS } from '../vocabulary.js';

type Judgement = 'strength' | 'importance' | 'category' | 'stage';

/**
 * One person as a row of choices that save as soon as they change: for going through
 * an import of hundreds and saying, person by person, who matters.
 */
export function JudgeRow({ person }: { person: Person }) {
  const [current, setCurrent] = useState(person);
  const [state, setState] = useState<{ saving: boolean; error: string | null }>({ saving: false, error: null });
  const save = (field: Judgement, raw: string) => {
    const value = field === 'strength' || field === 'importance' ? Number(raw) : field === 'category' && raw === '' ? null : raw;
    setState({ saving: true, error: null });
    api<Person>(`/api/people/${encodeURIComponent(person.id)}`, { method: 'PATCH', body: { [field]: value } })
      .then((saved) => (setCurrent(saved), setState({ saving: false, error: null })))
      .catch((e: unknown) => setState({ saving: false, error: errorText(e) }));
  };
  const choice = (field: Judgement, label: string, value: string, options: readonly (readonly [string, string])[]) => (
    <td>
      <select aria-label={`${label} of ${person.name}`} value={value} onChange={(e) => save(field, e.target.value)}>
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </td>
  );
  return (
    <tr aria-busy={state.saving}>
      <td>
        <Link to={`/people/${person.id}`}>{person.name}</Link>
        {person.organisation && <div className="who">{person.organisation}</div>}
        {state.error && (
          <div role="alert" className="late">
            {state.error}
          </div>
        )}
      </td>
      {choice('strength', 'Strength', String(current.strength), STRENGTH_WORDS.map((w, i) => [String(i), w] as const))}
      {choice('importance', 'Importance', String(current.importance), IMPORTANCE_WORDS.map((w, i) => [String(i), w] as const))}
      {choice('category', 'Category', current.category ?? '', [['', 'not sorted yet'], ...PERSON_CATEGORIES.map((c) => [c, spoken(c)] as const)])}
      {choice('stage', 'Stage', current.stage, STAGES.map((s) => [s, spoken(s)] as const))}
    </tr>
  );
}
