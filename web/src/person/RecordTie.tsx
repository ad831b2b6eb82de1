import { useState } from 'react';
import { useRecordTie } from '../data/people.js';
import { errorText } from '../forms/error-text.js';
import { ScoreSelect } from '../forms/fields.js';
import { PersonPicker } from '../forms/PersonPicker.js';
import { STRENGTH_WORDS } from '../vocabulary.js';

/** Record that this person knows someone else in the map: the lines between others on the map. */
export function RecordTie({ personId }: { personId: string }) {
  const [strength, setStrength] = useState('2');
  const tie = useRecordTie(personId);
  return (
    <details>
      <summary>Record whom they know</summary>
      <ScoreSelect label="How well they know each other" meanings={STRENGTH_WORDS} value={strength} onChange={(e) => setStrength(e.target.value)} />
      <PersonPicker
        label="Whom"
        onPick={(other) => tie.mutate({ otherId: other.id, strength: Number(strength) })}
      />
      {tie.error && <p role="alert">{errorText(tie.error)}</p>}
    </details>
  );
}
