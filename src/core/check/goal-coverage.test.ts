import { describe, expect, it } from 'vitest';
import { buildGoal, buildLink, buildNetwork, buildPerson, buildSnapshot } from './builders.js';
import { verdictFor } from './goal-coverage.js';
import { runCheck } from './run-check.js';
import type { MapSnapshot } from './types.js';

const goal = buildGoal({ id: 'g1', statement: 'get involved in research in my clinical specialty', needs: [{ id: 'need_1', name: 'cardiology research', essential: false }] });
const codes = (snapshot: MapSnapshot, goalId?: string) =>
  runCheck(snapshot, goalId === undefined ? {} : { goalId }).goals.items.map((g) => [g.goalId, g.verdict, g.gaps.map((m) => m.code)]);

describe('verdictFor', () => {
  it('uses the documented thresholds', () => {
    expect(verdictFor(0, 0)).toBe('missing');
    expect(verdictFor(1, 0)).toBe('thin');
    expect(verdictFor(25, 1)).toBe('thin');
    expect(verdictFor(23, 2)).toBe('thin');
    expect(verdictFor(24, 2)).toBe('covered');
  });
});

describe('goal coverage', () => {
  it('asks for a goal first when there is none', () => {
    const goals = runCheck(buildSnapshot({ people: [buildPerson({ id: 'p1' })] })).goals;
    expect(goals.status).toBe('no-goals');
    expect(goals.items).toEqual([]);
    expect(goals.message).toMatch(/^Add a goal first/);
  });

  it('says so when goals exist but none is active', () => {
    const goals = runCheck(buildSnapshot({ goals: [buildGoal({ id: 'g1', status: 'achieved' })] })).goals;
    expect(goals.status).toBe('no-goals');
    expect(goals.message).toMatch(/^None of your goals is active\. Add a goal first/);
  });

  it('calls a goal nobody serves missing, and lists what is missing', () => {
    const report = runCheck(buildSnapshot({ goals: [goal], people: [buildPerson({ id: 'p1' })] }));
    const [coverage] = report.goals.items;
    expect(coverage).toMatchObject({ goalId: 'g1', verdict: 'missing', score: 0, contributors: [] });
    expect(coverage?.gaps.map((m) => m.code)).toEqual(['nobody', 'need-missing', 'no-network', 'no-professional-body', 'no-leader-in-field']);
    expect(coverage?.why.text).toBe('Missing: no person or network is linked to this goal yet.');
    expect(coverage?.next).toMatch(/^Link the people and networks/);
    expect(coverage?.gaps.find((m) => m.code === 'no-professional-body')?.next).toContain('cardiology research');
  });

  it('calls a goal missing when only people with no tie yet are linked', () => {
    const snapshot = buildSnapshot({ goals: [goal], people: [buildPerson({ id: 'p1', strength: 0 })], goalLinks: [buildLink('g1', 'person', 'p1', 5, ['need_1'])] });
    const [coverage] = runCheck(snapshot).goals.items;
    expect(coverage?.verdict).toBe('missing');
    expect(coverage?.why.text).toContain('no tie with any of them yet');
    expect(coverage?.gaps.map((m) => m.code)).toContain('only-weak-ties');
  });

  it('weights contributors by strength × relevance and covers a goal with two strong ties', () => {
    const snapshot = buildSnapshot({
      goals: [goal],
      people: [
        buildPerson({ id: 'p1', name: 'Ada', strength: 4, category: 'leader-in-field', organisation: 'City University' }),
        buildPerson({ id: 'p2', name: 'Ben', strength: 4 }),
        buildPerson({ id: 'p3', name: 'Cy', strength: 1 }),
      ],
      networks: [buildNetwork({ id: 'n1', name: 'Cardiac Society', kind: 'professional-body', strength: 3 })],
      goalLinks: [buildLink('g1', 'person', 'p1', 4, ['need_1']), buildLink('g1', 'person', 'p2', 4, ['need_1']), buildLink('g1', 'person', 'p3', 5, ['need_1']), buildLink('g1', 'network', 'n1', 2, ['need_1'])],
    });
    const [coverage] = runCheck(snapshot).goals.items;
    expect(coverage?.contributors.map((c) => [c.id, c.weight])).toEqual([
      ['p1', 16],
      ['p2', 16],
      ['n1', 6],
      ['p3', 5],
    ]);
    expect(coverage).toMatchObject({ verdict: 'covered', score: 43, gaps: [] });
    expect(coverage?.why.facts).toMatchObject({ score: 43, strongContributors: 2, people: 3, networks: 1, coveredAtScore: 24 });
    expect(coverage?.next).toMatch(/^Keep in touch with Ada and Ben/);
  });

  it('calls one strong tie thin and names the single point of failure', () => {
    const snapshot = buildSnapshot({
      goals: [goal],
      people: [buildPerson({ id: 'p1', name: 'Ada', strength: 5, category: 'leader-in-field' })],
      networks: [buildNetwork({ id: 'n1', kind: 'professional-body', strength: 2 })],
      goalLinks: [buildLink('g1', 'person', 'p1', 5, ['need_1']), buildLink('g1', 'network', 'n1', 1, ['need_1'])],
    });
    const [coverage] = runCheck(snapshot).goals.items;
    expect(coverage?.verdict).toBe('thin');
    expect(coverage?.gaps.map((m) => m.code)).toEqual(['single-strong-tie']);
    expect(coverage?.next).toBe('Ask Ada whom else you should know for cardiology research.');
  });

  it('flags only weak ties, and no network when the only network is one the user wants to join', () => {
    const snapshot = buildSnapshot({
      goals: [{ ...goal, needs: [] }],
      people: [buildPerson({ id: 'p1', name: 'Ada Chen', strength: 2, preferredChannel: 'coffee', category: 'leader-in-field' })],
      networks: [buildNetwork({ id: 'n1', name: 'Cardiac Society', kind: 'professional-body', strength: 1, role: 'want-to-join' })],
      goalLinks: [buildLink('g1', 'person', 'p1', 5, ['need_1']), buildLink('g1', 'network', 'n1', 5, ['need_1'])],
    });
    const [coverage] = runCheck(snapshot).goals.items;
    expect(coverage?.verdict).toBe('thin');
    expect(coverage?.gaps.map((m) => m.code)).toEqual(['no-network', 'no-professional-body', 'only-weak-ties']);
    expect(coverage?.gaps[0]?.next).toBe('Join Cardiac Society, which you already want to join: go to one open event.');
    expect(coverage?.gaps[2]?.next).toBe('Turn one weak tie into a strong one: suggest a coffee with Ada Chen.');
  });

  it('flags a goal served only from inside the own organisation (from the employer network)', () => {
    const base = {
      goals: [goal],
      networks: [buildNetwork({ id: 'emp', name: 'Northfield  Hospital', kind: 'employer' as const })],
      goalLinks: [buildLink('g1', 'person', 'p1', 5, ['need_1']), buildLink('g1', 'person', 'p2', 5, ['need_1'])],
    };
    const inside = buildSnapshot({
      ...base,
      people: [buildPerson({ id: 'p1', name: 'Ada', strength: 4, organisation: 'northfield hospital' }), buildPerson({ id: 'p2', strength: 1 })],
    });
    const report = runCheck(inside);
    expect(report.goals.ownOrganisations).toEqual(['northfield hospital']);
    const gap = report.goals.items[0]?.gaps.find((m) => m.code === 'no-one-outside-own-organisation');
    expect(gap?.next).toBe('Ask Ada for an introduction to someone outside Northfield Hospital who works on cardiology research.');
    expect(gap?.why.text).toContain('works at your own organisation (Northfield Hospital)');

    const outside = buildSnapshot({
      ...base,
      people: [buildPerson({ id: 'p1', strength: 4, organisation: 'Northfield Hospital' }), buildPerson({ id: 'p2', organisation: 'City University' })],
    });
    expect(codes(outside)[0]?.[2]).not.toContain('no-one-outside-own-organisation');
  });

  it('calls what a covered goal still lacks a risk, not a gap, and names the organisation as it was written', () => {
    const snapshot = buildSnapshot({
      goals: [goal],
      people: [
        buildPerson({ id: 'p1', name: 'Ana', strength: 4, category: 'leader-in-field', organisation: 'Hospital Norte' }),
        buildPerson({ id: 'p2', name: 'Rui', strength: 4, category: 'department-colleague', organisation: 'Hospital Norte' }),
      ],
      networks: [buildNetwork({ id: 'n1', name: 'Cardiac Society', kind: 'professional-body', strength: 3 })],
      goalLinks: [buildLink('g1', 'person', 'p1', 4, ['need_1']), buildLink('g1', 'person', 'p2', 4, ['need_1']), buildLink('g1', 'network', 'n1', 3, ['need_1'])],
    });
    const report = runCheck(snapshot);
    const [coverage] = report.goals.items;
    expect(coverage?.verdict).toBe('covered');
    expect(coverage?.gaps).toEqual([]);
    expect(coverage?.risks.map((r) => r.code)).toEqual(['no-one-outside-own-organisation']);
    expect(coverage?.risks[0]?.why.text).toBe('Everyone serving "get involved in research in my clinical specialty" works at your own organisation (Hospital Norte) or has no organisation recorded.');
    expect(report.summary.headlines.join(' ')).not.toMatch(/hospital norte/);
  });

  it('a goal not covered has gaps and no risks', () => {
    const [coverage] = runCheck(buildSnapshot({ goals: [goal] })).goals.items;
    expect(coverage?.verdict).toBe('missing');
    expect(coverage?.gaps.length).toBeGreaterThan(0);
    expect(coverage?.risks).toEqual([]);
  });

  it('derives the own organisation from the most common one among department colleagues', () => {
    const snapshot = buildSnapshot({
      goals: [goal],
      people: [
        buildPerson({ id: 'd1', category: 'department-colleague', organisation: 'Acme' }),
        buildPerson({ id: 'd2', category: 'department-colleague', organisation: 'ACME' }),
        buildPerson({ id: 'd3', category: 'department-colleague', organisation: 'Other' }),
        buildPerson({ id: 'p1', strength: 3, organisation: 'Acme' }),
      ],
      goalLinks: [buildLink('g1', 'person', 'p1', 3, ['need_1'])],
    });
    const report = runCheck(snapshot);
    expect(report.goals.ownOrganisations).toEqual(['acme']);
    expect(report.goals.items[0]?.gaps.map((m) => m.code)).toContain('no-one-outside-own-organisation');
  });

  it('skips the own-organisation check when it cannot tell what the own organisation is', () => {
    const snapshot = buildSnapshot({ goals: [goal], people: [buildPerson({ id: 'p1', strength: 3, organisation: 'Acme' })], goalLinks: [buildLink('g1', 'person', 'p1', 3, ['need_1'])] });
    expect(codes(snapshot)[0]?.[2]).not.toContain('no-one-outside-own-organisation');
  });

  it('focuses on one goal when asked, including one that is no longer active', () => {
    const snapshot = buildSnapshot({ goals: [goal, buildGoal({ id: 'g2' }), buildGoal({ id: 'g3', status: 'achieved' })] });
    expect(codes(snapshot).map((c) => c[0])).toEqual(['g1', 'g2']);
    expect(codes(snapshot, 'g2').map((c) => c[0])).toEqual(['g2']);
    expect(codes(snapshot, 'g3').map((c) => c[0])).toEqual(['g3']);
  });

  it('reports an unknown goal id as a value, not a crash', () => {
    const goals = runCheck(buildSnapshot({ goals: [goal] }), { goalId: 'nope' }).goals;
    expect(goals).toMatchObject({ status: 'goal-not-found', items: [] });
    expect(goals.message).toContain('"nope"');
  });

  it('ignores links to people and goals that do not exist, and keeps the best of duplicate links', () => {
    const snapshot = buildSnapshot({
      goals: [goal],
      people: [buildPerson({ id: 'p1', strength: 2 })],
      goalLinks: [buildLink('g1', 'person', 'ghost', 5), buildLink('gX', 'person', 'p1', 5), buildLink('g1', 'person', 'p1', 2, ['need_1']), buildLink('g1', 'person', 'p1', 3, ['need_1'])],
    });
    expect(runCheck(snapshot).goals.items[0]?.contributors).toEqual([{ kind: 'person', id: 'p1', name: 'Person p1', strength: 2, relevance: 3, weight: 6 }]);
  });
});

describe('goal coverage need by need', () => {
  const fellowship = buildGoal({
    id: 'g2',
    statement: 'win a research fellowship',
    needs: [
      { id: 'need_1', name: 'supervisor', essential: true },
      { id: 'need_2', name: 'funding', essential: true },
      { id: 'need_3', name: 'statistics', essential: false },
    ],
  });
  const people = [
    buildPerson({ id: 'p1', name: 'Rosa Jiménez', strength: 5, category: 'leader-in-field', knowAndLike: true, stage: 'in-touch' }),
    buildPerson({ id: 'p2', name: 'Nadia Petrova', strength: 4, organisation: 'City University', stage: 'in-touch' }),
    buildPerson({ id: 'p3', name: 'Tom Reed', strength: 1, stage: 'met', notes: 'Sat on the research funding panel last year.' }),
  ];
  const links = [buildLink('g2', 'person', 'p1', 5, ['need_1', 'need_3']), buildLink('g2', 'person', 'p2', 5, ['need_1'])];

  it('never calls a goal covered while an essential need has nobody behind it, and says which', () => {
    const [coverage] = runCheck(buildSnapshot({ goals: [fellowship], people, goalLinks: links })).goals.items;
    expect(coverage!.score).toBeGreaterThanOrEqual(24);
    expect(coverage!.verdict).toBe('thin');
    expect(coverage!.needs.map((n) => [n.name, n.verdict])).toEqual([
      ['supervisor', 'covered'],
      ['funding', 'missing'],
      ['statistics', 'covered'],
    ]);
    expect(coverage!.why.text).toContain('"funding" is missing (essential)');
    expect(coverage!.gaps[0]).toMatchObject({ code: 'need-missing' });
    expect(coverage!.next).toBe('Confirm that Tom Reed can help with funding, then ask them about it.');
  });

  it('names the person whose notes match a missing need, for the user to confirm', () => {
    const [coverage] = runCheck(buildSnapshot({ goals: [fellowship], people, goalLinks: links })).goals.items;
    const funding = coverage!.needs.find((n) => n.name === 'funding')!;
    expect(funding.suggestions[0]).toMatchObject({ kind: 'confirm-person', target: { kind: 'person', id: 'p3', name: 'Tom Reed' } });
    expect(funding.suggestions[0]!.why.text).toBe("Tom Reed's notes mention funding.");
  });

  it('calls a need served only by a weak tie thin, and the goal with it', () => {
    const withFunding = [...links, buildLink('g2', 'person', 'p3', 5, ['need_2'])];
    const [coverage] = runCheck(buildSnapshot({ goals: [fellowship], people, goalLinks: withFunding })).goals.items;
    expect(coverage!.needs.find((n) => n.name === 'funding')!.verdict).toBe('thin');
    expect(coverage!.verdict).toBe('thin');
    expect(coverage!.gaps[0]).toMatchObject({ code: 'need-weak-ties-only' });
  });

  it('covers the goal once every essential need has a strong tie behind it', () => {
    const strongFunding = [links[0]!, buildLink('g2', 'person', 'p2', 4, ['need_1', 'need_2'])];
    const [coverage] = runCheck(buildSnapshot({ goals: [fellowship], people, goalLinks: strongFunding })).goals.items;
    expect(coverage!.needs.every((n) => n.verdict === 'covered')).toBe(true);
    expect(coverage!.verdict).toBe('covered');
  });
});
