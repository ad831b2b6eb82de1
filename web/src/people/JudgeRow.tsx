import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useChangePerson } from '../data/people.js';
import { errorText } from '../forms/error-text.js';
import type { Schema } from '../api/client.js';
import { IMPORTANCE_WORDS, oneOf, PERSON_CATEGORIES, spoken, STAGES, STRENGTH_WORDS } from '../vocabulary.js';

type Judgement = 'strength' | 'importance' | 'category' | 'stage';

/**
 * One person as a row of choices that save as soon as they change: for going through
 * an import of hundreds and saying, person by person, who matters.
 */
export function JudgeRow({ person }: { person: Schema<'Person'> }) {
  const [current, setCurrent] = useState(person);
  const change = useChangePerson();
  const save = (field: Judgement, raw: string) => {
    const body = field === 'strength' || field === 'importance' ? { [field]: Number(raw) } : field === 'category' ? { category: oneOf(PERSON_CATEGORIES, raw) ?? null } : { stage: oneOf(STAGES, raw) };
    change.mutate({ id: person.id, body }, { onSuccess: setCurrent });
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
    <tr aria-busy={change.isPending}>
      <td>
        <Link to={`/people/${person.id}`}>{person.name}</Link>
        {person.organisation && <div className="who">{person.organisation}</div>}
        {change.error && (
          <div role="alert" className="late">
            {errorText(change.error)}
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
