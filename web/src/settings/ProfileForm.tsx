import { useState } from 'react';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import { FormEnd } from '../forms/fields.js';
import { useApi } from '../use-api.js';

interface Profile {
  name: string | null;
  workingOn: string | null;
  timeZone: string;
  emails: string[];
}

/** Your name (signs drafts), what you are working on (quoted by drafts and suggestions), and your time zone (what "today" is). */
export function ProfileForm() {
  const profile = useApi<Profile>('/api/profile');
  if (!profile.data) return profile.error ? <p role="alert">{profile.error}</p> : null;
  // The fields keep what was typed and saved; the profile is read once.
  return <ProfileFields profile={profile.data} />;
}

function ProfileFields({ profile }: { profile: Profile }) {
  const [form, setForm] = useState({ name: profile.name ?? '', workingOn: profile.workingOn ?? '', timeZone: profile.timeZone, emails: profile.emails.join(', ') });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => (setSaved(false), setForm((f) => ({ ...f, [key]: e.target.value })));
  // A list, not free text: only zones the browser knows can be chosen (the server checks again).
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (
    <form
      className="edit"
      aria-label="Your profile"
      onSubmit={(e) => {
        e.preventDefault();
        api('/api/profile', { method: 'PATCH', body: { name: form.name.trim() || null, workingOn: form.workingOn.trim() || null, timeZone: form.timeZone, emails: form.emails.split(/[,\s]+/).filter(Boolean) } })
          .then(() => (setError(null), setSaved(true)))
          .catch((err: unknown) => setError(errorText(err)));
      }}
    >
      <div className="row">
        <label>
          Your name
          <input value={form.name} onChange={set('name')} autoComplete="name" />
        </label>
        <label>
          Time zone
          <select value={form.timeZone} onChange={set('timeZone')}>
            {(zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]).map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Working on now
        <input value={form.workingOn} onChange={set('workingOn')} />
      </label>
      <label>
        Your own email addresses
        <input value={form.emails} onChange={set('emails')} autoComplete="email" aria-describedby="emails-help" />
      </label>
      <p id="emails-help" className="hint">
        Separated by commas. Capturing a mailbox or calendar tells what you sent from what you received by these.
      </p>
      <FormEnd error={error} saveLabel="Save" />
      {saved && <p role="status">Saved.</p>}
    </form>
  );
}
