import type { ChangeEvent } from 'react';
import { spoken } from '../vocabulary.js';

/** A labelled select over a vocabulary: values as the API spells them, shown as spoken words. */
export function WordSelect(props: { label: string; words: readonly string[]; value: string; onChange: (e: ChangeEvent<HTMLSelectElement>) => void; empty?: string }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={props.onChange}>
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.words.map((w) => (
          <option key={w} value={w}>
            {spoken(w)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled 0–5 score, each value with what it means. */
export function ScoreSelect(props: { label: string; meanings: readonly string[]; value: string; onChange: (e: ChangeEvent<HTMLSelectElement>) => void }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={props.onChange}>
        {props.meanings.map((meaning, score) => (
          <option key={meaning} value={score}>
            {meaning}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The end of a form: the server's complaint if any, save, and cancel when there is somewhere to go back to. */
export function FormEnd({ error, saveLabel, busy, onCancel }: { error: string | null; saveLabel: string; busy?: boolean; onCancel?: (() => void) | undefined }) {
  return (
    <>
      {error && <p role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {saveLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
