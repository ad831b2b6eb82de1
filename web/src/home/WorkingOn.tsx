import { useState } from 'react';
import { useSaveProfile } from '../data/settings.js';
import { useEditForm } from '../forms/use-edit-form.js';

const INPUTS = ['workingOn'] as const;

/**
 * What the user is working on now: the check and the drafts quote it, so people you
 * meet hear what you are doing. Shown on the home page, changed in place.
 */
export function WorkingOn({ text }: { text: string | null }) {
  const [editing, setEditing] = useState(false);
  const { values, setValues, set, errors, save, onSubmit } = useEditForm(() => ({ workingOn: text ?? '' }), INPUTS);
  // Saved in the profile; the plan (which shows it here) and the check (which quotes it) are then stale.
  const saveProfile = useSaveProfile();
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
        <button type="button" className="link" onClick={() => (setValues({ workingOn: text ?? '' }), setEditing(true))}>
          {text ? 'change' : 'add it'}
        </button>
      </p>
    );
  }
  return (
    <form
      className="inline working-on"
      aria-label="What I am working on now"
      onSubmit={onSubmit(() => save(saveProfile, { workingOn: values.workingOn.trim() || null }, () => setEditing(false)))}
    >
      <label className="grow">
        Working on now
        <input value={values.workingOn} onChange={set('workingOn')} placeholder="e.g. a pilot study on home-based rehab" {...errors.invalid('workingOn')} />
      </label>
      <button type="submit">Save</button>
      <button type="button" className="secondary" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {errors.message('workingOn')}
      {errors.general && <p role="alert">{errors.general}</p>}
    </form>
  );
}
