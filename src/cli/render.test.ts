import { describe, expect, it } from 'vitest';
import { dueText } from './render.js';

describe('the due list on the command line', () => {
  it('says "day" for one day ahead', () => {
    expect(dueText({ today: '2026-11-20', contacts: [], followUps: [], laterFollowUps: 0, withinDays: 1, contactsTotal: 0, followUpsTotal: 0 })).toContain('Nobody is due in the next 1 day.');
    expect(dueText({ today: '2026-11-20', contacts: [], followUps: [], laterFollowUps: 0, withinDays: 7, contactsTotal: 0, followUpsTotal: 0 })).toContain('Nobody is due in the next 7 days.');
  });
});
