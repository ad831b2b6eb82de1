import { describe, expect, it } from 'vitest';
import { calendarEntries, type CalendarInput } from './calendar.js';
import { buildPerson } from './check/builders.js';
import type { FollowUp, Person, PlanTarget } from './model.js';
import { nextContact } from './next-contact.js';

const TODAY = '2026-11-22';

function person(id: string, name: string, fields: Partial<Person> = {}): Person {
  const base = buildPerson({ id, name, strength: 2, importance: 3, stage: 'in-touch', addedOn: '2026-01-05', createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-01-05T10:00:00.000Z', ...fields });
  return { ...base, nextContact: nextContact(base) };
}

function followUp(id: string, fields: Partial<FollowUp> = {}): FollowUp {
  return { id, exchangeId: null, personId: null, kind: 'thank-you', description: 'Send the article', dueOn: '2026-11-25', status: 'open', closedOn: null, createdAt: '2026-11-20T10:00:00.000Z', ...fields };
}

function target(id: string, personId: string, month: string, fields: Partial<PlanTarget> = {}): PlanTarget {
  return { id, month, personId, source: 'own', reason: 'Ask about the trial design', status: 'open', rolledOverFrom: null, exchangeId: null, closedOn: null, createdAt: '2026-11-01T10:00:00.000Z', ...fields };
}

function input(fields: Partial<CalendarInput>): CalendarInput {
  return { people: [], followUps: [], targets: [], today: TODAY, ...fields };
}

const ana = person('per_ana', 'Ana Silva', { cadence: '3m', lastExchangeOn: '2026-09-01', preferredChannel: 'social-media', notes: 'Private: worried about her job' });

describe('the reminders calendar', () => {
  it('puts a next contact on its date, one all-day day, saying why', () => {
    const [entry, ...rest] = calendarEntries(input({ people: [ana] }));
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      uid: 'next-contact-per_ana@waggle',
      start: '2026-12-01',
      end: '2026-12-02',
      summary: 'Get in touch with Ana Silva',
      description: 'Due on 2026-12-01.\nYour rhythm: every 3 months.\nLast exchange: 2026-09-01.\nPrefers: social media.',
      categories: ['waggle', 'next-contact'],
    });
  });

  it('says when a date was set by hand, and when no exchange is logged yet', () => {
    const ben = person('per_ben', 'Ben Okafor', { nextContactOn: '2026-12-24', nextContactSetOn: '2026-11-01' });
    const [entry] = calendarEntries(input({ people: [ben] }));
    expect(entry?.start).toBe('2026-12-24');
    expect(entry?.description).toBe('Due on 2026-12-24.\nDate set by hand.\nNo exchange logged yet.');
  });

  it('places an overdue next contact on today, keeping the due date in the description', () => {
    const late = person('per_late', 'Chen Wei', { nextContactOn: '2026-11-01', nextContactSetOn: '2026-10-01' });
    const [entry] = calendarEntries(input({ people: [late] }));
    expect(entry).toMatchObject({ start: TODAY, end: '2026-11-23', summary: 'Overdue: get in touch with Chen Wei', categories: ['waggle', 'next-contact', 'overdue'] });
    expect(entry?.description).toContain('Was due on 2026-11-01.');
  });

  it('leaves out people who are never due', () => {
    expect(calendarEntries(input({ people: [person('per_never', 'Dana Never')] }))).toEqual([]);
  });

  it('lists open follow-ups only, on their due date or today when overdue', () => {
    const entries = calendarEntries(
      input({
        people: [person('per_ben', 'Ben Okafor')],
        followUps: [
          followUp('fu_1', { personId: 'per_ben', description: 'Send the article' }),
          followUp('fu_2', { dueOn: '2026-11-10', description: 'Thank the panel', kind: 'other' }),
          followUp('fu_3', { status: 'done', closedOn: '2026-11-21' }),
          followUp('fu_4', { status: 'dropped', closedOn: '2026-11-21' }),
        ],
      }),
    );
    expect(entries).toEqual([
      { uid: 'follow-up-fu_2@waggle', start: TODAY, end: '2026-11-23', summary: 'Follow up: Thank the panel', description: 'Was due on 2026-11-10.\nKind: other.', categories: ['waggle', 'follow-up', 'overdue'] },
      { uid: 'follow-up-fu_1@waggle', start: '2026-11-25', end: '2026-11-26', summary: 'Follow up: Send the article (Ben Okafor)', description: 'Due on 2026-11-25.\nKind: thank you.', categories: ['waggle', 'follow-up'] },
    ]);
  });

  it('spans a plan target over its whole month, with its reason', () => {
    const entries = calendarEntries(input({ people: [person('per_ben', 'Ben Okafor')], targets: [target('tgt_1', 'per_ben', '2026-12')] }));
    expect(entries).toEqual([{ uid: 'plan-target-tgt_1@waggle', start: '2026-12-01', end: '2027-01-01', summary: 'This month: reach Ben Okafor', description: 'Ask about the trial design', categories: ['waggle', 'plan-target'] }]);
  });

  it("keeps this month's open targets and leaves out past months and closed targets", () => {
    const ben = person('per_ben', 'Ben Okafor');
    const entries = calendarEntries(
      input({
        people: [ben],
        targets: [
          target('tgt_now', 'per_ben', '2026-11'),
          target('tgt_past', 'per_ben', '2026-10'),
          target('tgt_done', 'per_ben', '2026-11', { status: 'done', closedOn: '2026-11-15' }),
          target('tgt_dropped', 'per_ben', '2026-12', { status: 'dropped', closedOn: '2026-11-15' }),
          target('tgt_rolled', 'per_ben', '2026-11', { status: 'rolled-over', closedOn: '2026-11-15' }),
        ],
      }),
    );
    expect(entries.map((e) => [e.uid, e.start, e.end])).toEqual([['plan-target-tgt_now@waggle', '2026-11-01', '2026-12-01']]);
  });

  it('never includes notes about people unless asked to', () => {
    const without = calendarEntries(input({ people: [ana] }));
    expect(JSON.stringify(without)).not.toContain('worried');
    expect(JSON.stringify(calendarEntries(input({ people: [ana] }), { includeNotes: false }))).not.toContain('worried');
    const withNotes = calendarEntries(input({ people: [ana] }), { includeNotes: true });
    expect(withNotes[0]?.description).toContain('Notes: Private: worried about her job');
  });

  it('gives the same uids on every call, so a moved date replaces the event', () => {
    const before = calendarEntries(input({ people: [ana], followUps: [followUp('fu_1')], targets: [target('tgt_1', 'per_ana', '2026-12')] }));
    const moved = calendarEntries(input({ people: [{ ...ana, nextContact: { date: '2027-01-15', basis: 'manual' } }], followUps: [followUp('fu_1', { dueOn: '2026-12-20' })], targets: [target('tgt_1', 'per_ana', '2026-12')] }));
    expect(new Set(moved.map((e) => e.uid))).toEqual(new Set(before.map((e) => e.uid)));
    expect(moved.find((e) => e.uid === 'next-contact-per_ana@waggle')?.start).toBe('2027-01-15');
    expect(moved.find((e) => e.uid === 'follow-up-fu_1@waggle')?.start).toBe('2026-12-20');
  });

  it('skips follow-ups and targets about people it does not know', () => {
    const entries = calendarEntries(input({ followUps: [followUp('fu_1', { personId: 'per_gone' })], targets: [target('tgt_1', 'per_gone', '2026-12')] }));
    expect(entries).toEqual([]);
  });

  it('orders entries by start date, then uid', () => {
    const entries = calendarEntries(
      input({
        people: [ana, person('per_b', 'Bo', { nextContactOn: '2026-11-25', nextContactSetOn: '2026-11-01' })],
        followUps: [followUp('fu_1'), followUp('fu_0', { dueOn: '2026-11-30' })],
        targets: [target('tgt_1', 'per_b', '2026-12'), target('tgt_2', 'per_b', '2026-11')],
      }),
    );
    expect(entries.map((e) => `${e.start} ${e.uid}`)).toEqual([
      '2026-11-01 plan-target-tgt_2@waggle',
      '2026-11-25 follow-up-fu_1@waggle',
      '2026-11-25 next-contact-per_b@waggle',
      '2026-11-30 follow-up-fu_0@waggle',
      '2026-12-01 next-contact-per_ana@waggle',
      '2026-12-01 plan-target-tgt_1@waggle',
    ]);
  });
});
