import { formatDayOfYear, parseDayOfYear, PersonDateError, type PersonDate, type PersonDateKind } from '../../../src/core/person-dates.js';

/**
 * The person page's date editor as plain data: one draft per row, read back into the
 * API's dates with each problem pinned to the row and field it belongs to (the page
 * marks that field). The API checks again; its field names ("dates.1.day") map back
 * through `rowOfApiField`.
 */

export interface DateDraft {
  kind: PersonDateKind;
  /** The name of a date of the user's own naming; ignored for the other kinds. */
  label: string;
  /** As typed: YYYY-MM-DD, or MM-DD without a year. */
  date: string;
}

export type DraftField = 'label' | 'date';

export interface DraftProblem {
  row: number;
  field: DraftField;
  message: string;
}

/** The rows for dates as stored: a date without a year is written MM-DD, as it may be typed. */
export function dateDrafts(dates: readonly PersonDate[]): DateDraft[] {
  return dates.map((d) => ({ kind: d.kind, label: d.label ?? '', date: formatDayOfYear(d).replace(/^--/, '') }));
}

/** The dates the rows say, or every problem found, by row. */
export function datesFromDrafts(drafts: readonly DateDraft[]): { dates: PersonDate[]; problems: [] } | { dates: null; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const dates: PersonDate[] = [];
  drafts.forEach((draft, row) => {
    const label = draft.label.trim();
    if (draft.kind === 'other' && !label) problems.push({ row, field: 'label', message: 'give the date a name, such as "Started at the trust"' });
    if (!draft.date.trim()) {
      problems.push({ row, field: 'date', message: 'write the date: YYYY-MM-DD, or MM-DD without a year' });
      return;
    }
    try {
      dates.push({ kind: draft.kind, label: draft.kind === 'other' ? label : null, ...parseDayOfYear(draft.date) });
    } catch (error) {
      if (!(error instanceof PersonDateError)) throw error;
      problems.push({ row, field: 'date', message: error.message });
    }
  });
  for (const kind of ['birthday', 'anniversary'] as const) {
    const rows = drafts.flatMap((d, row) => (d.kind === kind ? [row] : []));
    for (const row of rows.slice(1)) problems.push({ row, field: 'date', message: `a person has one ${kind}: remove this one or the other` });
  }
  return problems.length > 0 ? { dates: null, problems } : { dates, problems: [] };
}

/** The row and field an API validation error names ("dates.2.label"), or null when it names none. */
export function rowOfApiField(field: string | undefined): { row: number; field: DraftField } | null {
  const match = /^dates\.(\d+)\.(\w+)$/.exec(field ?? '');
  if (!match) return null;
  return { row: Number(match[1]), field: match[2] === 'label' ? 'label' : 'date' };
}
