import { useSaveGoal } from '../data/goals.js';
import type { Schema } from '../api/client.js';
import { GOAL_STATUSES } from '../vocabulary.js';
import { FormEnd, WordSelect } from './fields.js';
import { goalFormValues, type NeedDraft } from './patch.js';
import { useEditForm } from './use-edit-form.js';

// The inputs that show a refusal beside them; one about a need ("needs.2.name") is said beside the needs.
const INPUTS = ['statement', 'horizon', 'needs', 'transitionFrom', 'transitionTo'] as const;

/** Add a goal or change one: what, by when, and, for a career move, from where to where. */
export function GoalForm({ goal, onSaved, onCancel }: { goal: Schema<'Goal'> | null; onSaved: (saved: Schema<'Goal'>) => void; onCancel?: () => void }) {
  const { values: form, setValues: setForm, set, errors, save, onSubmit } = useEditForm(() => goalFormValues(goal), INPUTS);
  const saveGoal = useSaveGoal(goal);
  return (
    <form className="edit" aria-label={goal ? 'Edit the goal' : 'Add a goal'} onSubmit={onSubmit(() => save(saveGoal, form, onSaved))}>
      <label>
        Goal
        <input required value={form.statement} onChange={set('statement')} placeholder="e.g. Start a doctorate in rehabilitation research" {...errors.invalid('statement')} />
      </label>
      {errors.message('statement')}
      <div className="row">
        <label>
          By when
          <input type="date" value={form.horizon} onChange={set('horizon')} {...errors.invalid('horizon')} />
        </label>
        <WordSelect label="Status" words={GOAL_STATUSES} value={form.status} onChange={set('status')} />
      </div>
      {errors.message('horizon')}
      <NeedsEditor needs={form.needs} onChange={(needs) => setForm((f) => ({ ...f, needs }))} />
      {errors.message('needs')}
      <div className="row">
        <label>
          Moving from
          <input value={form.transitionFrom} onChange={set('transitionFrom')} placeholder="clinical practice" {...errors.invalid('transitionFrom')} />
        </label>
        <label>
          Moving to
          <input value={form.transitionTo} onChange={set('transitionTo')} placeholder="research" {...errors.invalid('transitionTo')} />
        </label>
      </div>
      {errors.message('transitionFrom')}
      {errors.message('transitionTo')}
      <FormEnd error={errors.general} busy={saveGoal.isPending} saveLabel={goal ? 'Save changes' : 'Add goal'} onCancel={onCancel} />
    </form>
  );
}

/** What the goal needs, in order: rename in place (a rename keeps who serves the need), mark essentials, add and remove. */
function NeedsEditor({ needs, onChange }: { needs: NeedDraft[]; onChange: (needs: NeedDraft[]) => void }) {
  const change = (i: number, patch: Partial<NeedDraft>) => onChange(needs.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  return (
    <fieldset className="needs-editor">
      <legend>What it needs (a supervisor, funding, statistics …)</legend>
      {needs.map((need, i) => (
        <div className="need-row" key={need.id ?? `new-${i}`}>
          <input aria-label={`Need ${i + 1}`} value={need.name} onChange={(e) => change(i, { name: e.target.value })} placeholder="e.g. funding" />
          <label className="check">
            <input type="checkbox" checked={need.essential} onChange={(e) => change(i, { essential: e.target.checked })} /> essential
          </label>
          <button type="button" className="link" aria-label={`Remove the need ${need.name || i + 1}`} onClick={() => onChange(needs.filter((_, j) => j !== i))}>
            remove
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...needs, { name: '', essential: false }])}>
        Add a need
      </button>
    </fieldset>
  );
}
