import { useState } from 'react';
import type { components } from '../api/schema.js';
import { queryError } from '../data/query-state.js';
import { useProfile, useSaveProfile } from '../data/settings.js';
import { FormEnd } from '../forms/fields.js';
import { useEditForm } from '../forms/use-edit-form.js';

type Profile = components['schemas']['Profile'];

const INPUTS = ['name', 'timeZone', 'workingOn', 'emails'] as const;

/** Your name (signs drafts), what you are working on (quoted by drafts and suggestions), and your time zone (what "today" is). */
export function ProfileForm() {
  const profile = useProfile();
  const error = queryError(profile);
  if (!profile.data) return error ? <p role="alert">{error}</p> : null;
  // The fields keep what was typed and saved; the profile is read once.
  return <ProfileFields profile={profile.data} />;
}

function ProfileFields({ profile }: { profile: Profile }) {
  const edit = useEditForm(() => ({ name: profile.name ?? '', workingOn: profile.workingOn ?? '', timeZone: profile.timeZone, emails: profile.emails.join(', ') }), INPUTS);
  const { values: form, errors } = edit;
  const saveProfile = useSaveProfile();
  const [saved, setSaved] = useState(false);
  // "Saved." goes as soon as anything is typed again.
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => (setSaved(false), edit.set(key)(e));
  // A list, not free text: only zones the browser knows can be chosen (the server checks again).
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (
    <form
      className="edit"
      aria-label="Your profile"
      onSubmit={edit.onSubmit(() =>
        edit.save(saveProfile, { name: form.name.trim() || null, workingOn: form.workingOn.trim() || null, timeZone: form.timeZone, emails: form.emails.split(/[,\s]+/).filter(Boolean) }, () => setSaved(true)),
      )}
    >
      <div className="row">
        <label>
          Your name
          <input value={form.name} onChange={set('name')} autoComplete="name" {...errors.invalid('name')} />
        </label>
        <label>
          Time zone
          <select value={form.timeZone} onChange={set('timeZone')} {...errors.invalid('timeZone')}>
            {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </label>
      </div>
      {errors.message('name')}
      {errors.message('timeZone')}
      <label>
        Working on now
        <input value={form.workingOn} onChange={set('workingOn')} {...errors.invalid('workingOn')} />
      </label>
      {errors.message('workingOn')}
      <label>
        Your own email addresses
        <input value={form.emails} onChange={set('emails')} autoComplete="email" {...errors.invalid('emails', 'emails-help')} />
      </label>
      {errors.message('emails')}
      <p id="emails-help" className="hint">
        Separated by commas. Capturing a mailbox or calendar tells what you sent from what you received by these.
      </p>
      <FormEnd error={errors.general} busy={saveProfile.isPending} saveLabel="Save" />
      {saved && <p role="status">Saved.</p>}
    </form>
  );
}
