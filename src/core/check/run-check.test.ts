import { describe, expect, it } from 'vitest';
import { buildGoal, buildLink, buildNetwork, buildPerson, buildSnapshot } from './builders.js';
import { generateLargeSnapshot } from '../../demo/generate-map.js';
import { runCheck } from './run-check.js';

describe('runCheck', () => {
  it('returns exactly the nine parts and a summary', () => {
    expect(Object.keys(runCheck(buildSnapshot()))).toEqual([
      'map',
      'quadrants',
      'goals',
      'diversity',
      'startHere',
      'reciprocity',
      'neglect',
      'weakTies',
      'transition',
      'summary',
    ]);
  });

  it('gives helpful answers on an empty map', () => {
    const report = runCheck(buildSnapshot());
    expect(report.map.nodes).toHaveLength(1);
    expect(report.map.edges).toEqual([]);
    expect(report.quadrants.totals.maintain).toEqual({ items: 0, people: 0, networks: 0, hoursPerMonth: 0 });
    expect(report.goals.status).toBe('no-goals');
    expect(report.startHere.message).not.toBeNull();
    expect(report.weakTies.message).not.toBeNull();
    expect(report.transition.status).toBe('no-goals');
    expect(report.reciprocity.overall.direction).toBe('no-exchanges');
    expect(report.summary).toEqual({
      today: '2026-11-22',
      focusGoalId: null,
      people: 0,
      networks: 0,
      activeGoals: 0,
      headlines: [
        'Your map is empty: add the people and networks you already know, starting with those you know and like.',
        expect.stringMatching(/^Add a goal first/),
      ],
      cards: [expect.objectContaining({ code: 'empty-map' }), expect.objectContaining({ code: 'no-goals' })],
    });
  });

  it('summarises the most useful findings first', () => {
    const snapshot = buildSnapshot({
      goals: [buildGoal({ id: 'g1', statement: 'lead a team' })],
      people: [
        buildPerson({ id: 'p1', name: 'Ada', knowAndLike: true, canHelp: true, strength: 4, importance: 4, nextContactOn: '2026-11-01', nextContactSetOn: '2026-10-01' }),
      ],
      networks: [buildNetwork({ id: 'n1', name: 'Rowing club', strength: 5, importance: 1, hoursPerMonth: 10 })],
      goalLinks: [buildLink('g1', 'person', 'p1', 5)],
    });
    const { summary } = runCheck(snapshot);
    expect(summary.headlines.slice(0, 4)).toEqual([
      'Start with Ada: you know and like them, and they can help.',
      '1 contact is overdue; the longest waiting is Ada.',
      expect.stringMatching(/^"lead a team" is thinly covered\. /),
      '10 hours a month go to over-invested networks: time you could give to your goals.',
    ]);
    expect(summary.headlines.length).toBeLessThanOrEqual(6);
  });

  it('reports an unknown focus and checks the whole map instead', () => {
    const snapshot = buildSnapshot({ goals: [buildGoal({ id: 'g1' })], people: [buildPerson({ id: 'p1', strength: 2, importance: 4 })] });
    const report = runCheck(snapshot, { goalId: 'missing' });
    expect(report.summary.focusGoalId).toBe('missing');
    expect(report.summary.headlines[0]).toContain('no goal with the id "missing"');
    expect(report.goals.status).toBe('goal-not-found');
    expect(report.transition.status).toBe('goal-not-found');
    expect(report.weakTies.items.map((i) => i.id)).toEqual(['p1']);
    expect(report.map.focusGoalId).toBeNull();
  });

  it('completes on a large generated workspace', () => {
    const snapshot = generateLargeSnapshot({ people: 5000, networks: 300, goals: 20, exchanges: 50000, seed: 42 });
    const report = runCheck(snapshot);
    expect(report.map.nodes).toHaveLength(5301);
    const q = report.quadrants.totals;
    expect(q.maintain.items + q.strengthen.items + q.overInvested.items + q.letBe.items).toBe(5300);
    expect(report.goals.items).toHaveLength(18);
    expect(report.reciprocity.overall.exchanges).toBe(50000);
    expect(runCheck(snapshot, { goalId: 'g003' }).goals.items.map((g) => g.goalId)).toEqual(['g003']);
  });
});
