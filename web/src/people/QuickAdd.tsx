import { useState } from 'react';
import { parseQuickAddLines } from '../../../src/core/quick-add-lines.js';
import { useQuickAdd } from '../data/people.js';
import { errorText } from '../forms/error-text.js';
import { LinkChoices, NO_LINKS, type LinkSelection } from '../forms/LinkChoices.js';
import type { Schema } from '../api/client.js';

/**
 * Several people at once, one a line ("Name, Organisation, email"), for the first ten
 * you know and like; each linked to the goals and networks ticked. All or nothing: a
 * line that cannot be read is named, and nobody is added until every line reads.
 */
export function QuickAdd({ onAdded, onCancel }: { onAdded: (people: Schema<'Person'>[]) => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [knowAndLike, setKnowAndLike] = useState(true);
  const [links, setLinks] = useState<LinkSelection>(NO_LINKS);
  const [error, setError] = useState<string | null>(null);
  const quickAdd = useQuickAdd();
  const parsed = parseQuickAddLines(text);
  const submit = () => {
    if (parsed.problems.length > 0) return setError(parsed.problems.map((p) => p.message).join('; '));
    if (parsed.people.length === 0) return setError('Write one person a line: Name, Organisation, email.');
    setError(null);
    const people = parsed.people.map((p) => ({
      name: p.name,
      ...(p.organisation ? { organisation: p.organisation } : {}),
      ...(p.email ? { channels: [{ kind: 'email' as const, value: p.email }] } : {}),
      knowAndLike,
    }));
    quickAdd.mutate(
      { people, ...links },
      {
        onSuccess: (result) => {
          setText('');
          onAdded(result.added);
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };
  return (
    <form
      className="edit quick-add"
      aria-label="Quick add several people"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        One person a line: Name, Organisation, email (organisation and email are optional)
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder={'Ana Silva, Hospital Norte, ana@example.org\nRui Costa, Physio Society'} />
      </label>
      {parsed.problems.length > 0 && (
        <ul className="late" aria-label="Lines to fix">
          {parsed.problems.map((p) => (
            <li key={p.line}>{p.message}</li>
          ))}
        </ul>
      )}
      <label className="check">
        <input type="checkbox" checked={knowAndLike} onChange={(e) => setKnowAndLike(e.target.checked)} /> I know and like them
      </label>
      <LinkChoices value={links} onChange={setLinks} />
      {error && <p role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" disabled={quickAdd.isPending || parsed.people.length === 0}>
          {parsed.people.length === 1 ? 'Add 1 person' : `Add ${parsed.people.length} people`}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
