import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { buildExchange, buildPerson, buildSnapshot, DEFAULT_TODAY } from './builders.js';
import { runCheck } from './run-check.js';

const today = DEFAULT_TODAY; // 2026-11-22
const daysAgo = (n: number) => addDays(today, -n);
const talkedTo = (id: string, n: number) => buildExchange({ id: `x-${id}`, occurredOn: daysAgo(n), personIds: [id] });

describe('neglect', () => {
  it('lists contacts past their next contact, longest overdue first, but not those due today', () => {
    const report = runCheck(
      buildSnapshot({
        people: [
          buildPerson({ id: 'monthly', name: 'Ada Chen', cadence: '1m', preferredChannel: 'coffee' }),
          buildPerson({ id: 'manual', name: 'Ben Ito', nextContactOn: daysAgo(3), nextContactSetOn: daysAgo(30) }),
          buildPerson({ id: 'today', nextContactOn: today, nextContactSetOn: daysAgo(5) }),
          buildPerson({ id: 'never', cadence: null }),
        ],
        exchanges: [talkedTo('monthly', 50)],
      }),
    ).neglect;
    expect(report.overdue.map((i) => [i.id, i.why.facts['daysOverdue']])).toEqual([
      ['monthly', 19],
      ['manual', 3],
    ]);
    const monthly = report.overdue[0];
    expect(monthly?.why.text).toBe(
      `You meant to be in touch with Ada Chen every month; the last exchange was on ${daysAgo(50)}, so contact was due on ${daysAgo(19)} (19 days ago).`,
    );
    expect(monthly?.why.facts).toMatchObject({ basis: 'cadence-after-exchange', cadence: '1m', lastExchangeOn: daysAgo(50) });
    expect(monthly?.next).toBe('Suggest a coffee to catch up.');
    expect(report.overdue[1]?.why.text).toBe(`You planned to contact Ben Ito by ${daysAgo(3)}, 3 days ago.`);
  });

  it('finds strong ties fading after 180 days or with no exchange at all', () => {
    const report = runCheck(
      buildSnapshot({
        people: [
          buildPerson({ id: 'old', strength: 4 }),
          buildPerson({ id: 'edge', strength: 4 }),
          buildPerson({ id: 'never', strength: 3 }),
          buildPerson({ id: 'weak', strength: 2 }),
        ],
        exchanges: [talkedTo('old', 200), talkedTo('edge', 180), talkedTo('weak', 400)],
      }),
    ).neglect;
    expect(report.fading.map((i) => [i.id, i.why.facts['daysSinceLastExchange']])).toEqual([
      ['never', null],
      ['old', 200],
    ]);
    expect(report.fading[0]?.why.text).toBe('A strong tie (strength 3/5) with no exchange recorded.');
    expect(report.fading[0]?.next).toMatch(/^If you have been in touch lately, note it in the journal/);
  });

  it('finds people on the lost-my-job list not heard from in 90 days', () => {
    const report = runCheck(
      buildSnapshot({
        people: [
          buildPerson({ id: 'quiet', name: 'Ada', lostJobList: true }),
          buildPerson({ id: 'recent', lostJobList: true }),
          buildPerson({ id: 'never', lostJobList: true }),
          buildPerson({ id: 'off-list' }),
        ],
        exchanges: [talkedTo('quiet', 120), talkedTo('recent', 60), talkedTo('off-list', 400)],
      }),
    ).neglect;
    expect(report.lostJobList.map((i) => i.id)).toEqual(['never', 'quiet']);
    expect(report.lostJobList[1]?.why.text).toBe(`Ada is on your "lost my job" list and has not heard from you for 120 days (since ${daysAgo(120)}).`);
    expect(report.lostJobList[1]?.reason).toBe('lost-job-list');
    expect(report.lostJobList[1]?.next).toMatch(/^Build the connection before you need it/);
  });

  it('uses the later of the derived last exchange and the journal', () => {
    const person = buildPerson({ id: 'p', strength: 5, lastExchangeOn: daysAgo(10) });
    const report = runCheck(buildSnapshot({ people: [person], exchanges: [talkedTo('p', 300)] }, false)).neglect;
    expect(report.fading).toEqual([]);
  });

  it('is empty on an empty map', () => {
    expect(runCheck(buildSnapshot()).neglect).toEqual({ overdue: [], fading: [], lostJobList: [] });
  });
});
