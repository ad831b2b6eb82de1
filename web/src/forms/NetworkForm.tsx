import { useState } from 'react';
import { api } from '../api.js';
import type { Network } from '../types.js';
import { IMPORTANCE_WORDS, NETWORK_KINDS, NETWORK_ROLES, spoken, STRENGTH_WORDS } from '../vocabulary.js';
import { errorText } from './error-text.js';

/** Add a network (a body, group or community) or change one: my role, the tie, and the hours it takes. */
export function NetworkForm({ network, onSaved, onCancel }: { network: Network | null; onSaved: (saved: Network) => void; onCancel?: () => void }) {
  const [form, setForm] = useState({
    name: network?.name ?? '',
    kind: network?.kind ?? 'professional-body',
    role: network?.role ?? 'member',
    strength: String(network?.strength ?? 0),
    importance: String(network?.importance ?? 0),
    hoursPerMonth: String(network?.hoursPerMonth ?? 0),
    url: network?.url ?? '',
    notes: network?.notes ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async () => {
    setError(null);
    const body = {
      name: form.name,
      kind: form.kind,
      role: form.role,
      strength: Number(form.strength),
      importance: Number(form.importance),
      hoursPerMonth: Number(form.hoursPerMonth),
      url: form.url.trim() || null,
      notes: form.notes.trim() || null,
    };
    try {
      onSaved(network ? await api<Network>(`/api/networks/${encodeURIComponent(network.id)}`, { method: 'PATCH', body }) : await api<Network>('/api/networks', { method: 'POST', body }));
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
        <label>
          Kind
          <select value={form.kind} onChange={set('kind')}>
            {NETWORK_KINDS.map((k) => (
              <option key={k} value={k}>
                {spoken(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          My role
          <select value={form.role} onChange={set('role')}>
            {NETWORK_ROLES.map((r) => (
              <option key={r} value={r}>
                {spoken(r)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Hours a month
          <input type="number" inputMode="decimal" min={0} max={744} step={0.5} value={form.hoursPerMonth} onChange={set('hoursPerMonth')} />
        </label>
      </div>
      <div className="row">
        <label>
          Strength of my connection
          <select value={form.strength} onChange={set('strength')}>
            {STRENGTH_WORDS.map((w, i) => (
              <option key={w} value={i}>
                {w}
              </option>
            ))}
          </select>
        </label>
        <label>
          Importance to my goals
          <select value={form.importance} onChange={set('importance')}>
            {IMPORTANCE_WORDS.map((w, i) => (
              <option key={w} value={i}>
                {w}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Web address
        <input value={form.url} onChange={set('url')} inputMode="url" />
      </label>
      <label>
        Notes
        <textarea rows={3} value={form.notes} onChange={set('notes')} />
      </label>
      {error && <p role="alert">{error}</p>}
      <div className="actions">
        <button type="submit">{network ? 'Save changes' : 'Add network'}</button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
