import { useState } from 'react';
import { useRecordIntroduction } from '../data/people.js';
import { errorText } from '../forms/error-text.js';
import { PersonPicker } from '../forms/PersonPicker.js';
import { oneOf } from '../vocabulary.js';

const DIRECTIONS = ['they-introduced-me', 'i-introduced-them', 'introduced-to-me'] as const;
type Direction = (typeof DIRECTIONS)[number];

/**
 * Record an introduction involving this person: who opened which door is the give and
 * take the check reads. "You" is the user (null in the API).
 */
export function RecordIntroduction({ personId, name }: { personId: string; name: string }) {
  const [direction, setDirection] = useState<Direction>('they-introduced-me');
  const [madeOn, setMadeOn] = useState('');
  const [note, setNote] = useState('');
  const introduce = useRecordIntroduction();
  const save = (other: { id: string; name: string }) => {
    const sides =
      direction === 'they-introduced-me'
        ? { byId: personId, personId: other.id, toId: null }
        : direction === 'i-introduced-them'
          ? { byId: null, personId, toId: other.id }
          : { byId: other.id, personId, toId: null };
    introduce.mutate({ ...sides, ...(madeOn ? { madeOn } : {}), ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setNote('') });
  };
  return (
    <details>
      <summary>Record an introduction</summary>
      <div className="row stack-on-phone">
        <label>
          Which way
          <select value={direction} onChange={(e) => setDirection(oneOf(DIRECTIONS, e.target.value) ?? direction)}>
            <option value="they-introduced-me">{name} introduced me to…</option>
            <option value="i-introduced-them">I introduced {name} to…</option>
            <option value="introduced-to-me">…introduced {name} to me</option>
          </select>
        </label>
        <label>
          When (empty: today)
          <input type="date" value={madeOn} onChange={(e) => setMadeOn(e.target.value)} />
        </label>
        <label>
          Note
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      <PersonPicker label="The other person" onPick={save} />
      {introduce.error && <p role="alert">{errorText(introduce.error)}</p>}
    </details>
  );
}
