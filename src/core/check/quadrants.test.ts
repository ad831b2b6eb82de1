import { describe, expect, it } from 'vitest';
import { buildGoal, buildLink, buildNetwork, buildPerson, buildSnapshot } from './builders.js';
import { runCheck } from './run-check.js';
import type { Quadrants } from './types.js';
import fc from 'fast-check';
import { PERSON_QUADRANT_SIGNS, isImportant, isStrong, personQuadrant } from './quadrants.js';
import type { PersonFacts } from './snapshot-index.js';

const ids = (q: Quadrants) => ({
  maintain: q.maintain.map((i) => i.id),
  strengthen: q.strengthen.map((i) => i.id),
  overInvested: q.overInvested.map((i) => i.id),
  letBe: q.letBe.map((i) => i.id),
});

describe('quadrants', () => {
  it('sorts people by strength × importance', () => {
    const q = runCheck(
      buildSnapshot({
        people: [
          buildPerson({ id: 'maintain', strength: 3, importance: 3 }),
          buildPerson({ id: 'strengthen', strength: 2, importance: 5 }),
          buildPerson({ id: 'over', strength: 5, importance: 2 }),
          buildPerson({ id: 'let', strength: 1, importance: 0 }),
        ],
      }),
    ).quadrants;
    expect(ids(q)).toEqual({ maintain: ['maintain'], strengthen: ['strengthen'], overInvested: ['over'], letBe: ['let'] });
    expect(q.totals.maintain).toEqual({ items: 1, people: 1, networks: 0, hoursPerMonth: 0 });
  });

  it('counts relevance ≥ 4 to an active goal as important, but not relevance 3 or an achieved goal', () => {
    const q = runCheck(
      buildSnapshot({
        people: [
          buildPerson({ id: 'central', strength: 1, importance: 0 }),
          buildPerson({ id: 'some', strength: 1, importance: 0 }),
          buildPerson({ id: 'old', strength: 1, importance: 0 }),
        ],
        goals: [buildGoal({ id: 'g1' }), buildGoal({ id: 'done', status: 'achieved' })],
        goalLinks: [buildLink('g1', 'person', 'central', 4), buildLink('g1', 'person', 'some', 3), buildLink('done', 'person', 'old', 5)],
      }),
    ).quadrants;
    expect(ids(q).strengthen).toEqual(['central']);
    expect(ids(q).letBe).toEqual(['some', 'old']); // relevance 3 ranks above an unlinked person
    expect(q.strengthen[0]?.why.facts).toMatchObject({ relevance: 4, importance: 0, goalId: 'g1' });
  });

  it('calls a time-heavy network that serves no goal over-invested even when strong and scored important', () => {
    const snapshot = buildSnapshot({
      networks: [
        buildNetwork({ id: 'club', name: 'Rowing club', strength: 5, importance: 5, hoursPerMonth: 12 }),
        buildNetwork({ id: 'body', name: 'Royal College', strength: 4, importance: 2, hoursPerMonth: 6 }),
        buildNetwork({ id: 'forum', strength: 1, importance: 0, hoursPerMonth: 4 }),
        buildNetwork({ id: 'quiet', strength: 1, importance: 0, hoursPerMonth: 1.5 }),
      ],
      goals: [buildGoal({ id: 'g1' })],
      goalLinks: [buildLink('g1', 'network', 'body', 4)],
    });
    const q = runCheck(snapshot).quadrants;
    expect(ids(q)).toEqual({ maintain: ['body'], strengthen: [], overInvested: ['club', 'forum'], letBe: ['quiet'] });
    expect(q.totals.overInvested.hoursPerMonth).toBe(16);
    expect(q.totals.maintain.hoursPerMonth).toBe(6);
    expect(q.totals.letBe.hoursPerMonth).toBe(1.5);
    const club = q.overInvested[0];
    expect(club?.why.text).toContain('serves none of your goals');
    expect(club?.why.facts).toMatchObject({ hoursPerMonth: 12, importance: 5, relevance: 0, timeHeavyAtHours: 4 });
    expect(club?.next).toContain('12 hours a month in Rowing club');
  });

  it('lets the importance score decide for time-heavy networks while there are no goals', () => {
    const q = runCheck(buildSnapshot({ networks: [buildNetwork({ id: 'club', strength: 5, importance: 5, hoursPerMonth: 12 })] })).quadrants;
    expect(ids(q).maintain).toEqual(['club']);
  });

  it('handles everyone strong: nothing to strengthen or let be', () => {
    const people = [0, 1, 2, 3, 4, 5].map((i) => buildPerson({ id: `p${i}`, strength: 5, importance: i }));
    const q = runCheck(buildSnapshot({ people })).quadrants;
    expect(q.maintain.map((i) => i.id)).toEqual(['p5', 'p4', 'p3']);
    expect(q.overInvested.map((i) => i.id)).toEqual(['p2', 'p1', 'p0']);
    expect(q.strengthen).toEqual([]);
    expect(q.letBe).toEqual([]);
  });

  it('suggests a concrete next step in the preferred channel', () => {
    const q = runCheck(
      buildSnapshot({
        profile: { name: null, workingOn: 'a nurse-led clinic pilot' },
        people: [buildPerson({ id: 'p1', name: 'Ada Chen', strength: 4, importance: 4, preferredChannel: 'lunch', cadence: '3m' })],
      }),
    ).quadrants;
    expect(q.maintain[0]?.next).toBe('Suggest lunch every 3 months to keep this tie warm, and tell them you are working on a nurse-led clinic pilot.');
  });

  it('suggests an introduction for someone with no tie yet', () => {
    const q = runCheck(buildSnapshot({ people: [buildPerson({ id: 'p1', name: 'Ada Chen', strength: 0, importance: 5 })] })).quadrants;
    expect(q.strengthen[0]?.next).toMatch(/introduction to Ada Chen/);
  });

  it('rounds hour totals so decimals add up cleanly', () => {
    const networks = [0.1, 0.2].map((h, i) => buildNetwork({ id: `n${i}`, hoursPerMonth: h, strength: 0, importance: 0 }));
    expect(runCheck(buildSnapshot({ networks })).quadrants.totals.letBe.hoursPerMonth).toBe(0.3);
  });
});

describe('where freed time should go', () => {
  it('points over-invested time at the goal with the least behind it', () => {
    const snapshot = buildSnapshot({
      goals: [buildGoal({ id: 'g-strong', statement: 'A well served goal' }), buildGoal({ id: 'g-thin', statement: 'Zeta, a thin goal' })],
      people: [buildPerson({ id: 'p1', name: 'Pat Lee', strength: 5, importance: 5 })],
      networks: [buildNetwork({ id: 'club', name: 'Social club', strength: 4, importance: 0, hoursPerMonth: 10 })],
      goalLinks: [buildLink('g-strong', 'person', 'p1', 5)],
    });
    const club = runCheck(snapshot).quadrants.overInvested.find((i) => i.id === 'club');
    expect(club?.next).toContain('"Zeta, a thin goal"');
  });
});

describe('the quadrant signs a database filter uses', () => {
  it('agree with personQuadrant for every strength, importance and relevance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (strength, importance, relevance) => {
        const quadrant = personQuadrant({ strength, importance, relevance } as PersonFacts);
        const signs = PERSON_QUADRANT_SIGNS[quadrant];
        expect(signs.strong).toBe(isStrong(strength));
        expect(signs.important).toBe(isImportant(importance, relevance));
      }),
    );
  });
});
