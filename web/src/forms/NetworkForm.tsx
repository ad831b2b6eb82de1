import { useState } from 'react';
import { api } from '../api.js';
import type { Network } from '../types.js';
import { IMPORTANCE_WORDS, NETWORK_KINDS, NETWORK_ROLES, STRENGTH_WORDS } from '../vocabulary.js';
import { FormEnd, ScoreSelect, WordSelect } from './fields.js';
import { errorText } from './error-text.js';
import { networkBody, networkFormValues, networkPatch } from './patch.js';

/** Add a network (a body, group or community) or change one: my role, the tie, and the hours it takes. */
export function NetworkForm({ network, onSaved, onCancel }: { network: Network | null; onSaved: (saved: Network) => void; onCancel?: () => void }) {
  const [form, setForm] = useState(() => networkFormValues(network));
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async () => {
    setError(null);
    try {
      onSaved(network ? await api<Network>(`/api/networks/${encodeURIComponent(network.id)}`, { method: 'PATCH', body: networkPatch(network, form) }) : await api<Network>('/api/networks', { method: 'POST', body: networkBody(form) }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="edit"
      aria-label={network ? `Edit ${network.name}` : 'Add a network'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        Name
        <input required value={form.name} onChange={set('name')} autoComplete="off" />
      </label>
      <div className="row">
        <WordSelect label="Kind" words={NETWORK_KINDS} value={form.kind} onChange={set('kind')} />
        <WordSelect label="My role" words={NETWORK_ROLES} value={form.role} onChange={set('role')} />
        <label>
          Hours a month
          <input type="number" inputMode="decimal" min={0} max={744} step={0.5} value={form.hoursPerMonth} onChange={set('hoursPerMonth')} />
        </label>
      </div>
      <div className="row">
        <ScoreSelect label="Strength of my connection" meanings={STRENGTH_WORDS} value={form.strength} onChange={set('strength')} />
        <ScoreSelect label="Importance to my goals" meanings={IMPORTANCE_WORDS} value={form.importance} onChange={set('importance')} />
      </div>
      <label>
        Web address
        <input value={form.url} onChange={set('url')} inputMode="url" />
      </label>
      <label>
        Notes
        <textarea rows={3} value={form.notes} onChange={set('notes')} />
      </label>
      <FormEnd error={error} saveLabel={network ? 'Save changes' : 'Add network'} onCancel={onCancel} />
    </form>
  );
}
