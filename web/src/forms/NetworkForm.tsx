import { useSaveNetwork } from '../data/networks.js';
import type { Schema } from '../api/client.js';
import { IMPORTANCE_WORDS, NETWORK_KINDS, NETWORK_ROLES, STRENGTH_WORDS } from '../vocabulary.js';
import { FormEnd, ScoreSelect, WordSelect } from './fields.js';
import { networkFormValues } from './patch.js';
import { useEditForm } from './use-edit-form.js';

// The inputs that show a refusal beside them (the selects offer only what the server takes).
const INPUTS = ['name', 'hoursPerMonth', 'url', 'notes'] as const;

/** Add a network (a body, group or community) or change one: my role, the tie, and the hours it takes. */
export function NetworkForm({ network, onSaved, onCancel }: { network: Schema<'Network'> | null; onSaved: (saved: Schema<'Network'>) => void; onCancel?: () => void }) {
  const { values: form, set, errors, save, onSubmit } = useEditForm(() => networkFormValues(network), INPUTS);
  const saveNetwork = useSaveNetwork(network);
  return (
    <form className="edit" aria-label={network ? `Edit ${network.name}` : 'Add a network'} onSubmit={onSubmit(() => save(saveNetwork, form, onSaved))}>
      <label>
        Name
        <input required value={form.name} onChange={set('name')} autoComplete="off" {...errors.invalid('name')} />
      </label>
      {errors.message('name')}
      <div className="row">
        <WordSelect label="Kind" words={NETWORK_KINDS} value={form.kind} onChange={set('kind')} />
        <WordSelect label="My role" words={NETWORK_ROLES} value={form.role} onChange={set('role')} />
        <label>
          Hours a month
          <input type="number" inputMode="decimal" min={0} max={744} step={0.5} value={form.hoursPerMonth} onChange={set('hoursPerMonth')} {...errors.invalid('hoursPerMonth')} />
        </label>
      </div>
      {errors.message('hoursPerMonth')}
      <div className="row">
        <ScoreSelect label="Strength of my connection" meanings={STRENGTH_WORDS} value={form.strength} onChange={set('strength')} />
        <ScoreSelect label="Importance to my goals" meanings={IMPORTANCE_WORDS} value={form.importance} onChange={set('importance')} />
      </div>
      <label>
        Web address
        <input value={form.url} onChange={set('url')} inputMode="url" {...errors.invalid('url')} />
      </label>
      {errors.message('url')}
      <label>
        Notes
        <textarea rows={3} value={form.notes} onChange={set('notes')} {...errors.invalid('notes')} />
      </label>
      {errors.message('notes')}
      <FormEnd error={errors.general} busy={saveNetwork.isPending} saveLabel={network ? 'Save changes' : 'Add network'} onCancel={onCancel} />
    </form>
  );
}
