import { describe, expect, it } from 'vitest';
import { dateDrafts, datesFromDrafts, rowOfApiField } from './date-drafts.js';

describe("the person page's date editor", () => {
  it('writes stored dates as they may be typed, and reads them back the same', () => {
    const stored = [
      { kind: 'birthday' as const, label: null, month: 4, day: 12, year: 1985 },
      { kind: 'other' as const, label: 'Started at the trust', month: 9, day: 1, year: null },
    ];
    const drafts = dateDrafts(stored);
    expect(drafts).toEqual([
      { kind: 'birthday', label: '', date: '1985-04-12' },
      { kind: 'other', label: 'Started at the trust', date: '09-01' },
    ]);
    expect(datesFromDrafts(drafts)).toEqual({ dates: stored, problems: [] });
  });

  it('pins each problem to its row and field, and sends nothing', () => {
    const result = datesFromDrafts([
      { kind: 'birthday', label: 'ignored', date: '02-30' },
      { kind: 'other', label: '  ', date: '2019-09-01' },
      { kind: 'anniversary', label: '', date: '' },
      { kind: 'birthday', label: '', date: '1990-01-01' },
      { kind: 'anniversary', label: '', date: 'next tuesday' },
    ]);
    expect(result.dates).toBeNull();
    expect(result.problems).toEqual([
      { row: 0, field: 'date', message: '"02-30": month 2 has no day 30' },
      { row: 1, field: 'label', message: expect.stringMatching(/name/) },
      { row: 2, field: 'date', message: expect.stringMatching(/write the date/) },
      { row: 4, field: 'date', message: expect.stringMatching(/is not a date/) },
      { row: 3, field: 'date', message: 'a person has one birthday: remove this one or the other' },
      { row: 4, field: 'date', message: 'a person has one anniversary: remove this one or the other' },
    ]);
  });

  it('keeps a name only on a date of the user’s own naming', () => {
    expect(datesFromDrafts([{ kind: 'birthday', label: 'Mine', date: '04-12' }]).dates).toEqual([{ kind: 'birthday', label: null, month: 4, day: 12, year: null }]);
  });

  it("maps the API's field names back to a row", () => {
    expect(rowOfApiField('dates.2.label')).toEqual({ row: 2, field: 'label' });
    expect(rowOfApiField('dates.0.day')).toEqual({ row: 0, field: 'date' });
    expect(rowOfApiField('dates')).toBeNull();
    expect(rowOfApiField(undefined)).toBeNull();
  });
});
