import { describe, expect, it } from 'vitest';
import { buildGoal, buildLink, buildPerson, buildSnapshot } from './check/builders.js';
import { runCheck } from './check/run-check.js';
import type { PlanTarget } from './model.js';
import { capStatus, planProgress, suggestTargets } from './plan.js';

const target = (personId: string, status: PlanTarget['status'] = 'open'): PlanTarget => ({
  id: `tgt_${personId}`,
  month: '2026-12',
  personId,
  source: 'own',
  reason: 'Because.',
  status,
  rolledOverFrom: null,
  exchangeId: null,
  closedOn: null,
  createdAt: '2026-12-01T09:00:00.000Z',
});

describe('new relationships in progress against the cap', () => {
  const underWay = buildPerson({ id: 'per_met', name: 'Mo Met', stage: 'met' });
  const planned = buildPerson({ id: 'per_new', name: 'Eva Lopes', stage: 'to-meet' });
  const settled = buildPerson({ id: 'per_old', name: 'Old Friend', stage: 'in-touch' });

  it('counts people under way and planned people not met yet, once, and says the same number in its line and its warning', () => {
    const cap = capStatus([underWay, planned, settled], [target(planned.id), target(settled.id)], { monthlyTargets: 3, newRelationshipCap: 1, accountabilityPartner: null });
    expect(cap).toMatchObject({ inProgress: 1, starting: 1, count: 2, cap: 1, over: true });
    expect(cap.text).toBe('2 new relationships in progress (your cap is 1)');
    expect(cap.warning).toMatch(/^2 new relationships in progress \(1 under way, 1 planned\): past your cap of 1\./);
  });

  it('says one relationship in the singular, and at the cap says so without a plural slip', () => {
    const cap = capStatus([underWay, settled], [], { monthlyTargets: 3, newRelationshipCap: 1, accountabilityPartner: null });
    expect(cap).toMatchObject({ count: 1, over: false });
    expect(cap.text).toBe('1 new relationship in progress (your cap is 1)');
    expect(cap.warning).toBe('You are at your cap of 1 new relationship in progress: the next new person would be one too many for now.');
  });

  it('a planned person already met is not counted twice, and a done or dropped target does not start anything', () => {
    const cap = capStatus([underWay, planned], [target(underWay.id), target(planned.id, 'dropped')], { monthlyTargets: 3, newRelationshipCap: 5, accountabilityPartner: null });
    expect(cap).toMatchObject({ inProgress: 1, starting: 0, count: 1, warning: null });
  });
});

describe("the month's counts", () => {
  it('counts targets, done, open and places left, in words', () => {
    const progress = planProgress([target('a', 'done'), target('b'), target('c', 'dropped'), target('d', 'rolled-over')], { monthlyTargets: 3, newRelationshipCap: 5, accountabilityPartner: null });
    expect(progress).toMatchObject({ planned: 2, done: 1, open: 1, dropped: 1, rolledOver: 1, monthlyTargets: 3, placesLeft: 1 });
    expect(progress.text).toBe('1 of 3 done, 1 open, 1 place left');
    expect(planProgress([], { monthlyTargets: 2, newRelationshipCap: 5, accountabilityPartner: null }).text).toBe('0 of 2 done, 2 places left');
  });
});

describe('suggestions prefer people who would fill a missing need', () => {
  it('puts the person whose notes match an essential need nobody serves first', () => {
    const goal = buildGoal({ id: 'g1', statement: 'Win a fellowship', needs: [{ id: 'need_1', name: 'funding', essential: true }, { id: 'need_2', name: 'supervisor', essential: false }] });
    const people = [
      buildPerson({ id: 'per_easy', name: 'Easy Friend', strength: 4, importance: 4, knowAndLike: true, canHelp: true, stage: 'in-touch' }),
      buildPerson({ id: 'per_fund', name: 'Fay Funder', strength: 1, importance: 2, stage: 'in-touch', role: 'Head of research funding' }),
      buildPerson({ id: 'per_sup', name: 'Sam Supervisor', strength: 4, importance: 4, stage: 'in-touch' }),
    ];
    const report = runCheck(buildSnapshot({ goals: [goal], people, goalLinks: [buildLink('g1', 'person', 'per_sup', 5, ['need_2'])] }));
    const { suggestions } = suggestTargets(report, people, [], { monthlyTargets: 3, newRelationshipCap: 5, accountabilityPartner: null }, '2026-12');
    expect(suggestions[0]).toMatchObject({ personId: 'per_fund', source: 'goal-gap' });
    expect(suggestions[0]!.reason).toContain('"funding"');
  });
});
