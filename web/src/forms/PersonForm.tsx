import { useState } from 'react';
import { useChangePerson, useQuickAdd } from '../data/people.js';
import type { Schema } from '../api/client.js';
import { CADENCES, CHANNELS, CONTACT_KINDS, IMPORTANCE_WORDS, PERSON_CATEGORIES, STAGES, STRENGTH_WORDS } from '../vocabulary.js';
import { FormEnd, ScoreSelect, WordSelect } from './fields.js';
import { LinkChoices, NO_LINKS, type LinkSelection } from './LinkChoices.js';
import { useEditForm } from './use-edit-form.js';
import { personBody, personChannelDrafts, personFormValues, personPatch, type ChannelDraft } from './patch.js';

// The inputs that show a refusal beside them; one about a way to reach them ("channels.1.value") is said below those.
const INPUTS = ['name', 'organisation', 'role', 'location', 'cadence', 'nextContactOn', 'channels', 'canHelpHow', 'howMet', 'tags', 'notes'] as const;

/**
 * Add a person, or change one. Every field is labelled; the server validates and its
 * message (naming the field) is shown as is. Empty text fields are sent as null, so
 * clearing a field clears it.
 */
export function PersonForm({ person, onSaved, onCancel }: { person: Schema<'Person'> | null; onSaved: (saved: Schema<'Person'>) => void; onCancel?: () => void }) {
  const { values: form, setValues: setForm, set, errors, onSubmit } = useEditForm(() => personFormValues(person), INPUTS);
  const [channels, setChannels] = useState<ChannelDraft[]>(() => personChannelDrafts(person));
  const change = useChangePerson();
  const quickAdd = useQuickAdd();
  const busy = change.isPending || quickAdd.isPending;
  // Adding links the new person to goals and networks in the same request; "add another" keeps the links for the next.
  const [links, setLinks] = useState<LinkSelection>(NO_LINKS);
  const [added, setAdded] = useState<string | null>(null);
  const tick = (key: 'knowAndLike' | 'canHelp' | 'lostJobList') => (e: { target: { checked: boolean } }) => setForm((f) => ({ ...f, [key]: e.target.checked }));
  const submit = async (another = false) => {
    errors.clear();
    try {
      if (person) {
        // An edit sends only what changed (see patch.ts).
        onSaved(await change.mutateAsync({ id: person.id, body: personPatch(person, form, channels) }));
        return;
      }
      const {
        added: [saved],
      } = await quickAdd.mutateAsync({ people: [personBody(form, channels)], ...links });
      if (!another) return onSaved(saved!);
      setAdded(saved!.name);
      setForm(personFormValues(null));
      setChannels(personChannelDrafts(null));
      document.getElementById('person-form-name')?.focus();
    } catch (e) {
      // An added person is sent as the one of a list: the server names its fields "people.0.name".
      if (person) errors.fail(e);
      else errors.failWithin(e, 'people.0');
    }
  };

  return (
    <form
      className="edit"
      aria-label={person ? `Edit ${person.name}` : 'Add a person'}
      onSubmit={onSubmit(() => void submit())}
    >
      {added && (
        <p className="working-on" role="status">
          Added {added}, with the links below. Now the next person.
        </p>
      )}
      <div className="row">
        <label>
          Name
          <input id="person-form-name" required value={form.name} onChange={set('name')} autoComplete="off" {...errors.invalid('name')} />
        </label>
        <label>
          Organisation
          <input value={form.organisation} onChange={set('organisation')} {...errors.invalid('organisation')} />
        </label>
      </div>
      {errors.message('name')}
      {errors.message('organisation')}
      <div className="row">
        <label>
          Role
          <input value={form.role} onChange={set('role')} {...errors.invalid('role')} />
        </label>
        <label>
          Location
          <input value={form.location} onChange={set('location')} {...errors.invalid('location')} />
        </label>
      </div>
      {errors.message('role')}
      {errors.message('location')}
      <div className="row">
        <ScoreSelect label="Strength of the tie" meanings={STRENGTH_WORDS} value={form.strength} onChange={set('strength')} />
        <ScoreSelect label="Importance to my goals" meanings={IMPORTANCE_WORDS} value={form.importance} onChange={set('importance')} />
      </div>
      <div className="row">
        <WordSelect label="Category" words={PERSON_CATEGORIES} value={form.category} onChange={set('category')} empty="not sorted yet" />
        <WordSelect label="Stage" words={STAGES} value={form.stage} onChange={set('stage')} />
      </div>
      <div className="row">
        <label>
          Keep in touch
          <select value={form.cadence} onChange={set('cadence')} {...errors.invalid('cadence')}>
            {CADENCES.map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
            {form.cadence && !CADENCES.some(([value]) => value === form.cadence) && <option value={form.cadence}>every {form.cadence}</option>}
          </select>
        </label>
        <label>
          Next contact on
          <input type="date" value={form.nextContactOn} onChange={set('nextContactOn')} {...errors.invalid('nextContactOn')} />
        </label>
        <WordSelect label="Best way to meet" words={CHANNELS} value={form.preferredChannel} onChange={set('preferredChannel')} empty="no preference" />
      </div>
      {errors.message('cadence')}
      {errors.message('nextContactOn')}
      <fieldset>
        <legend>Ways to reach them</legend>
        {channels.map((c, i) => (
          <div className="row channel" key={i}>
            <label>
              Kind
              <select value={c.kind} onChange={(e) => setChannels((all) => all.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)))}>
                {CONTACT_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <label>
              Address or link
              <input value={c.value} onChange={(e) => setChannels((all) => all.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
            </label>
            <button type="button" className="link" aria-label={`Remove ${c.kind} ${i + 1}`} onClick={() => setChannels((all) => all.filter((_, j) => j !== i))}>
              remove
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setChannels((all) => [...all, { kind: 'phone', value: '' }])}>
          Add a way to reach them
        </button>
      </fieldset>
      {errors.message('channels')}
      <fieldset>
        <legend>Where they fit</legend>
        <label className="check">
          <input type="checkbox" checked={form.knowAndLike} onChange={tick('knowAndLike')} /> I know and like them
        </label>
        <label className="check">
          <input type="checkbox" checked={form.canHelp} onChange={tick('canHelp')} /> They can help with my goals
        </label>
        {form.canHelp && (
          <label>
            How they can help
            <input value={form.canHelpHow} onChange={set('canHelpHow')} {...errors.invalid('canHelpHow')} />
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={form.lostJobList} onChange={tick('lostJobList')} /> On my “if I lost my job tomorrow” list
        </label>
      </fieldset>
      {errors.message('canHelpHow')}
      <label>
        How we met
        <input value={form.howMet} onChange={set('howMet')} {...errors.invalid('howMet')} />
      </label>
      {errors.message('howMet')}
      <label>
        Tags (separated by commas)
        <input value={form.tags} onChange={set('tags')} {...errors.invalid('tags')} />
      </label>
      {errors.message('tags')}
      <label>
        Notes
        <textarea rows={4} value={form.notes} onChange={set('notes')} {...errors.invalid('notes')} />
      </label>
      {errors.message('notes')}
      {!person && <LinkChoices value={links} onChange={setLinks} />}
      <FormEnd error={errors.general} saveLabel={person ? 'Save changes' : 'Add person'} busy={busy} onCancel={onCancel} />
      {!person && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={(e) => {
            // The browser's own check of the required name, as for the main button.
            if (e.currentTarget.form?.reportValidity()) void submit(true);
          }}
        >
          Add and add another
        </button>
      )}
    </form>
  );
}
