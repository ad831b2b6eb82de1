import { useState } from 'react';
import type { Schema } from '../api/client.js';
import { useSavePlanSettings } from '../data/plan.js';
import { useEditForm } from '../forms/use-edit-form.js';

const INPUTS = ['monthlyTargets', 'newRelationshipCap'] as const;

/** How many people a month, and how many new relationships at once. */
export function PlanSettings({ settings, onSaved }: { settings: Schema<'PlanSettings'>; onSaved: () => void }) {
  const { values: form, set, errors, save, onSubmit } = useEditForm(() => ({ monthlyTargets: String(settings.monthlyTargets), newRelationshipCap: String(settings.newRelationshipCap) }), INPUTS);
  const saveSettings = useSavePlanSettings();
  const [saved, setSaved] = useState(false);
  const submit = () => {
    setSaved(false);
    save(saveSettings, { monthlyTargets: Number(form.monthlyTargets), newRelationshipCap: Number(form.newRelationshipCap) }, () => {
      setSaved(true);
      onSaved();
    });
  };
  return (
    <form className="inline" aria-label="Plan settings" onSubmit={onSubmit(submit)}>
      <label>
        People a month
        <input type="number" min={1} max={20} value={form.monthlyTargets} onChange={set('monthlyTargets')} {...errors.invalid('monthlyTargets')} />
      </label>
      <label>
        New relationships at once
        <input type="number" min={1} max={50} value={form.newRelationshipCap} onChange={set('newRelationshipCap')} {...errors.invalid('newRelationshipCap')} />
      </label>
      <button type="submit" className="secondary">
        Save
      </button>
      {saved && <span role="status">Saved.</span>}
      {errors.message('monthlyTargets')}
      {errors.message('newRelationshipCap')}
      {errors.general && <p role="alert">{errors.general}</p>}
    </form>
  );
}
