import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { useSavePersonDates } from '../data/people.js';
import { dayOfYearWritten, dayWritten } from '../dates.js';
import { errorText } from '../forms/error-text.js';
import { formatDayOfYear, personDateTitle, type PersonDate, type PersonDateKind } from '../../../src/core/person-dates.js';
import { dateDrafts, datesFromDrafts, rowOfApiField, type DateDraft, type DraftProblem } from './date-drafts.js';

const KIND_WORDS: Record<PersonDateKind, string> = { birthday: 'Birthday', anniversary: 'Anniversary', other: 'A date of your own naming' };

/** "12 April 1985", or "12 April" when the year is not known, in the browser's language. */
export function personDateWritten(date: Pick<PersonDate, 'month' | 'day' | 'year'>): string {
  return date.year === null ? dayOfYearWritten(date.month, date.day) : dayWritten(formatDayOfYear(date));
}

/** Birthday, anniversary and dates of the user's own naming: shown, and changed in place (the whole list is saved at once). */
export function PersonDates({ personId, dates }: { personId: string; dates: readonly PersonDate[] }) {
  const [drafts, setDrafts] = useState<DateDraft[] | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const saveDates = useSavePersonDates(personId);
  const editing = drafts !== null;

  const change = (row: number, patch: Partial<DateDraft>) => {
    setDrafts((list) => list && list.map((d, i) => (i === row ? { ...d, ...patch } : d)));
    setProblems((list) => list.filter((p) => p.row !== row));
  };
  const remove = (row: number) => {
    setDrafts((list) => list && list.filter((_, i) => i !== row));
    // Problems of later rows move up with their rows.
    setProblems((list) => list.filter((p) => p.row !== row).map((p) => (p.row > row ? { ...p, row: p.row - 1 } : p)));
  };
  const save = async (list: DateDraft[]) => {
    setError(null);
    const read = datesFromDrafts(list);
    setProblems(read.problems);
    if (!read.dates) return;
    try {
      await saveDates.mutateAsync(read.dates);
      setDrafts(null);
    } catch (e) {
      const at = e instanceof ApiError ? rowOfApiField(e.field) : null;
      if (at) setProblems([{ ...at, message: e instanceof Error ? e.message.replace(/^dates\.\d+\.\w+: /, '') : String(e) }]);
      else setError(errorText(e));
    }
  };
  const problemAt = (row: number, field: DraftProblem['field']) => problems.find((p) => p.row === row && p.field === field);

  return (
    <section aria-labelledby="dates-h">
      <div className="title-row">
        <h2 id="dates-h">Dates that matter</h2>
        {!editing && (
          <button type="button" className="secondary" onClick={() => (setDrafts(dateDrafts(dates)), setProblems([]), setError(null))}>
            Change dates
          </button>
        )}
      </div>
      {!editing && dates.length === 0 && <p>No birthday or other date yet.</p>}
      {!editing && dates.length > 0 && (
        <ul className="list" data-testid="person-dates">
          {dates.map((d, i) => (
            <li key={i}>
              {personDateTitle(d)}: {personDateWritten(d)}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <form
          className="edit dates-editor"
          aria-label="Dates that matter"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save(drafts);
          }}
        >
          {drafts.length === 0 && <p>No dates: saving clears them.</p>}
          {drafts.map((d, row) => {
            const labelProblem = problemAt(row, 'label');
            const dateProblem = problemAt(row, 'date');
            const id = `date-${row}`;
            return (
              <fieldset key={row} className="date-row">
                <legend>Date {row + 1}</legend>
                <div className="field">
                  {/* Labelled by id, so that the options' words are not part of its name. */}
                  <label htmlFor={`${id}-kind`}>Kind</label>
                  <select id={`${id}-kind`} value={d.kind} onChange={(e) => change(row, { kind: e.target.value as PersonDateKind })}>
                    {(Object.keys(KIND_WORDS) as PersonDateKind[]).map((k) => (
                      <option key={k} value={k}>
                        {KIND_WORDS[k]}
                      </option>
                    ))}
                  </select>
                </div>
                {d.kind === 'other' && (
                  <div className="field">
                    <label>
                      Name
                      <input value={d.label} maxLength={120} onChange={(e) => change(row, { label: e.target.value })} aria-invalid={labelProblem ? true : undefined} aria-describedby={labelProblem ? `${id}-label-error` : undefined} />
                    </label>
                    {labelProblem && (
                      <span id={`${id}-label-error`} className="field-error">
                        {labelProblem.message}
                      </span>
                    )}
                  </div>
                )}
                <div className="field">
                  <label>
                    Date
                    <input
                      value={d.date}
                      placeholder="YYYY-MM-DD or MM-DD"
                      inputMode="numeric"
                      onChange={(e) => change(row, { date: e.target.value })}
                      aria-invalid={dateProblem ? true : undefined}
                      aria-describedby={dateProblem ? `${id}-date-error` : `${id}-date-help`}
                    />
                  </label>
                  {dateProblem ? (
                    <span id={`${id}-date-error`} className="field-error">
                      {dateProblem.message}
                    </span>
                  ) : (
                    <span id={`${id}-date-help`} className="why">
                      YYYY-MM-DD, or MM-DD without a year
                    </span>
                  )}
                </div>
                <button type="button" className="link" onClick={() => remove(row)}>
                  Remove date {row + 1}
                </button>
              </fieldset>
            );
          })}
          {problems.length > 0 && <p role="alert">{problems.length === 1 ? 'One date needs a look' : `${problems.length} things need a look`}: see the marked fields.</p>}
          {error && <p role="alert">{error}</p>}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setDrafts([...drafts, { kind: drafts.some((x) => x.kind === 'birthday') ? 'other' : 'birthday', label: '', date: '' }])}>
              Add a date
            </button>
            <button type="submit" disabled={saveDates.isPending}>
              Save dates
            </button>
            <button type="button" className="secondary" onClick={() => (setDrafts(null), setProblems([]), setError(null))}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
