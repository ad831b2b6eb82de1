import { useState } from 'react';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import { ScoreSelect } from '../forms/fields.js';
import { PersonPicker } from '../forms/PersonPicker.js';
import { STRENGTH_WORDS } from '../vocabulary.js';

/** Record that this person knows someone else in the map: the lines between others on the map. */
export function RecordTie({ personId, onSaved }: { personId: string; onSaved: () => void }) {
  const [strength, setStrength] = useState('2');
  const [error, setError] = useState<string | null>(null);
  return (
    <details>
      <summary>Record whom they know</summary>
      <ScoreSelect label="How well they know each other" meanings={STRENGTH_WORDS} value={strength} onChange={(e) => setStrength(e.target.value)} />
      <PersonPicker
        label="Whom"
        onPick={(other) =>
          void api(`/api/people/${encodeURIComponent(personId)}/ties/${encodeURIComponent(other.id)}`, { method: 'PUT', body: { strength: Number(strength) } }).then(
            () => (setError(null), onSaved()),
            (e: unknown) => setError(errorText(e)),
          )
        }
      />
      {error && <p role="alert">{error}</p>}
    </details>
  );
}
