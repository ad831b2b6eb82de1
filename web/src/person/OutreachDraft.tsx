import { useState } from 'react';
import type { Schema } from '../api/client.js';
import { useOutreachDraft } from '../data/outreach.js';
import { useProfile, useSaveProfile } from '../data/settings.js';
import { errorText } from '../forms/error-text.js';
import { oneOf, OUTREACH_PURPOSES, PURPOSE_INTEREST_WORDS, PURPOSE_WORDS, type OutreachPurpose } from '../vocabulary.js';

/** An outreach draft for this person: a purpose, the interest, the time asked for. Shown as text to copy, never sent. */
export function OutreachDraft({ personId }: { personId: string }) {
  const [purpose, setPurpose] = useState<OutreachPurpose>(OUTREACH_PURPOSES[0]);
  const [interest, setInterest] = useState('');
  const [minutes, setMinutes] = useState('20');
  const [draft, setDraft] = useState<Schema<'Draft'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  // A draft is signed with the profile's name: with none yet, the form asks for it and keeps it in the profile.
  const profile = useProfile();
  const saveProfile = useSaveProfile();
  const write = useOutreachDraft();
  const [myName, setMyName] = useState('');
  const needsName = profile.data !== undefined && !profile.data.name;
  const make = async () => {
    setCopied(false);
    try {
      if (needsName) {
        if (!myName.trim()) return setError('Your name is missing: write it in "Your name, to sign with", and it is kept in your profile.');
        await saveProfile.mutateAsync({ name: myName.trim() });
      }
      setDraft(await write.mutateAsync({ personId, purpose, minutes: Number(minutes), ...(interest.trim() ? { interest: interest.trim() } : {}) }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section>
      <h2>Reach out</h2>
      <form
        className="inline"
        aria-label="Draft a message"
        onSubmit={(e) => {
          e.preventDefault();
          void make();
        }}
      >
        <label>
          Purpose
          <select value={purpose} onChange={(e) => setPurpose(oneOf(OUTREACH_PURPOSES, e.target.value) ?? purpose)}>
            {OUTREACH_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {PURPOSE_WORDS[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {PURPOSE_INTEREST_WORDS[purpose]}
          <input value={interest} onChange={(e) => setInterest(e.target.value)} />
        </label>
        <label>
          Minutes to ask for
          <input type="number" min={5} max={240} step={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        {needsName && (
          <label>
            Your name, to sign with
            <input value={myName} onChange={(e) => setMyName(e.target.value)} autoComplete="name" />
          </label>
        )}
        <button type="submit">Draft</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {draft && (
        <div className="draft">
          <p>
            <strong>Subject:</strong> {draft.subject}
          </p>
          <pre className="draft-body">{draft.body}</pre>
          {draft.reminders.length > 0 && (
            <ul className="list">
              {draft.reminders.map((r, i) => (
                <li key={i} className="why">
                  {r}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void navigator.clipboard
                ?.writeText(`${draft.subject}\n\n${draft.body}`)
                .then(() => setCopied(true))
                .catch(() => setError('The browser did not allow copying: select the text instead.'))
            }
          >
            Copy
          </button>
          {copied && <span role="status"> Copied.</span>}
        </div>
      )}
    </section>
  );
}
