import { useState } from 'react';
import type { Schema } from '../api/client.js';
import { useSavePlanSettings } from '../data/plan.js';
import { errorText } from '../forms/error-text.js';

/** How many people a month, and how many new relationships at once. */
export function PlanSettings({ settings, onSaved }: { settings: Schema<'PlanSettings'>; onSaved: () => void }) {
  const [monthly, setMonthly] = useState(String(settings.monthlyTargets));
  const [cap, setCap] = useState(String(settings.newRelationshipCap));
  const save = useSavePlanSettings();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="inline"
      aria-label="Plan settings"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate(
          { monthlyTargets: Number(monthly), newRelationshipCap: Number(cap) },
          {
            onSuccess: () => {
              setSaved(true);
              onSaved();
            },
          },
        );
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
      {save.error && <p role="alert">{errorText(save.error)}</p>}
    </form>
  );
}
