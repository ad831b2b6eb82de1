import { useState } from 'react';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import type { PlanView } from './types.js';

/** How many people a month, and how many new relationships at once. */
export function PlanSettings({ settings, onSaved }: { settings: PlanView['settings']; onSaved: () => void }) {
  const [monthly, setMonthly] = useState(String(settings.monthlyTargets));
  const [cap, setCap] = useState(String(settings.newRelationshipCap));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="inline"
      aria-label="Plan settings"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        api('/api/plan/settings', { method: 'PATCH', body: { monthlyTargets: Number(monthly), newRelationshipCap: Number(cap) } })
          .then(() => {
            setError(null);
            setSaved(true);
            onSaved();
          })
          .catch((err: unknown) => setError(errorText(err)));
      }}
    >
      <label>
        People a month
        <input type="number" min={1} max={20} value={monthly} onChange={(e) => setMonthly(e.target.value)} />
      </label>
      <label>
        New relationships at once
        <input type="number" min={1} max={50} value={cap} onChange={(e) => setCap(e.target.value)} />
      </label>
      <button type="submit" className="secondary">
        Save
      </button>
      {saved && <span role="status">Saved.</span>}
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
