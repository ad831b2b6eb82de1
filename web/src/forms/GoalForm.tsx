import { useState } from 'react';
import { api } from '../api.js';
import type { Goal } from '../types.js';
import { GOAL_STATUSES } from '../vocabulary.js';
import { errorText } from './error-text.js';
import { FormEnd, WordSelect } from './fields.js';
import { goalBody, goalFormValues, goalPatch } from './patch.js';

/** Add a goal or change one: what, by when, and, for a career move, from where to where. */
export function GoalForm({ goal, onSaved, onCancel }: { goal: Goal | null; onSaved: (saved: Goal) => void; onCancel?: () => void }) {
  const [form, setForm] = useState(() => goalFormValues(goal));
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = async () => {
    setError(null);
    try {
      onSaved(goal ? await api<Goal>(`/api/goals/${encodeURIComponent(goal.id)}`, { method: 'PATCH', body: goalPatch(goal, form) }) : await api<Goal>('/api/goals', { method: 'POST', body: goalBody(form) }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form
      className="edit"
      aria-label={goal ? 'Edit the goal' : 'Add a goal'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        Goal
        <input required value={form.statement} onChange={set('statement')} placeholder="e.g. Start a doctorate in rehabilitation research" />
      </label>
      <div className="row">
        <label>
          By when
          <input type="date" value={form.horizon} onChange={set('horizon')} />
        </label>
        <WordSelect label="Status" words={GOAL_STATUSES} value={form.status} onChange={set('status')} />
      </div>
      <label>
        Areas it needs (separated by commas)
        <input value={form.areas} onChange={set('areas')} placeholder="funding, methods, a supervisor" />
      </label>
      <div className="row">
        <label>
          Moving from
          <input value={form.transitionFrom} onChange={set('transitionFrom')} placeholder="clinical practice" />
        </label>
        <label>
          Moving to
          <input value={form.transitionTo} onChange={set('transitionTo')} placeholder="research" />
        </label>
      </div>
      <FormEnd error={error} saveLabel={goal ? 'Save changes' : 'Add goal'} onCancel={onCancel} />
    </form>
  );
}
