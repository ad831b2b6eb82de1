import { useState } from 'react';
import { useSaveProfile } from '../data/settings.js';
import { errorText } from '../forms/error-text.js';

/**
 * What the user is working on now: the check and the drafts quote it, so people you
 * meet hear what you are doing. Shown on the home page, changed in place.
 */
export function WorkingOn({ text }: { text: string | null }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text ?? '');
  // Saved in the profile; the plan (which shows it here) and the check (which quotes it) are then stale.
  const save = useSaveProfile();
  if (!editing) {
    return (
      <p className="working-on">
        {text ? (
          <>
            <strong>Working on now:</strong> {text}{' '}
          </>
        ) : (
          <>Say what you are working on now: drafts and suggestions mention it, so people know how to help. </>
        )}
        <button type="button" className="link" onClick={() => (setDraft(text ?? ''), setEditing(true))}>
          {text ? 'change' : 'add it'}
        </button>
      </p>
    );
  }
  return (
    <form
      className="inline working-on"
      aria-label="What I am working on now"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ workingOn: draft.trim() || null }, { onSuccess: () => setEditing(false) });
      }}
    >
      <label className="grow">
        Working on now
        <input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. a pilot study on home-based rehab" />
      </label>
      <button type="submit">Save</button>
      <button type="button" className="secondary" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {save.error && <p role="alert">{errorText(save.error)}</p>}
    </form>
  );
}
