import { describe, expect, it } from 'vitest';
import { buildGoal, buildLink, buildNetwork, buildSnapshot } from './builders.js';
import { runCheck } from './run-check.js';

const goal = buildGoal({ id: 'g1', statement: 'become a researcher', transitionFrom: 'clinician', transitionTo: 'clinical researcher' });

describe('transition', () => {
  const snapshot = buildSnapshot({
    goals: [goal, buildGoal({ id: 'g2', statement: 'run a marathon' })],
    networks: [
      buildNetwork({ id: 'research', name: 'Research Network', kind: 'research-network', strength: 4, role: 'member', hoursPerMonth: 3 }),
      buildNetwork({ id: 'society', name: 'Cardiac Society', kind: 'professional-body', strength: 1, role: 'want-to-join' }),
      buildNetwork({ id: 'forum', name: 'Trials Forum', kind: 'social-media-community', strength: 4, role: 'lurker', hoursPerMonth: 2 }),
      buildNetwork({ id: 'weak', name: 'Journal Club', strength: 2, role: 'member', hoursPerMonth: 1 }),
      buildNetwork({ id: 'ward', name: 'Ward committee', strength: 5, role: 'committee', hoursPerMonth: 10 }),
      buildNetwork({ id: 'alumni', name: 'Alumni', strength: 3, role: 'member', hoursPerMonth: 6 }),
      buildNetwork({ id: 'book', name: 'Book club', strength: 3, hoursPerMonth: 2 }),
      buildNetwork({ id: 'gym', name: 'Staff gym committee', strength: 4, role: 'committee', hoursPerMonth: 8 }),
    ],
    goalLinks: [
      buildLink('g1', 'network', 'research', 5),
      buildLink('g1', 'network', 'society', 5),
      buildLink('g1', 'network', 'forum', 3),
      buildLink('g1', 'network', 'weak', 4),
      buildLink('g1', 'network', 'alumni', 2),
      buildLink('g2', 'network', 'ward', 5),
    ],
  });
  const part = runCheck(snapshot).transition;
  const plan = part.items[0];

  it('plans only transition goals', () => {
    expect(part.status).toBe('ok');
    expect(part.items.map((p) => p.goalId)).toEqual(['g1']);
    expect(plan).toMatchObject({ from: 'clinician', to: 'clinical researcher' });
  });

  it('keeps strong relevant networks, builds weak or not-yet-joined ones, reduces time-heavy irrelevant ones', () => {
    expect(plan?.keep.map((i) => i.id)).toEqual(['research']);
    expect(plan?.build.map((i) => i.id)).toEqual(['society', 'weak', 'forum']);
    // The ward committee takes 10 hours but serves another active goal, so it is not "reduce".
    expect(plan?.reduce.map((i) => i.id)).toEqual(['gym', 'alumni']);
    expect(plan?.hoursPerMonth).toEqual({ keep: 3, reduce: 14, build: 3 });
    expect(plan?.gaps).toEqual([]);
  });

  it('says why and what to do for each', () => {
    const reduce = plan?.reduce[1];
    expect(reduce?.why.text).toBe('6 hours a month with little (2/5) relevance to the move to clinical researcher.');
    expect(reduce?.why.facts).toMatchObject({ hoursPerMonth: 6, relevance: 2, role: 'member', timeHeavyAtHours: 4 });
    expect(plan?.reduce[0]?.why.text).toContain('with no relevance');
    expect(plan?.build[0]?.why.text).toBe('Serves the move to clinical researcher (relevance 5/5), but you have not joined it yet.');
    expect(plan?.build[0]?.next).toMatch(/^Join Cardiac Society/);
    expect(plan?.build[2]?.next).toMatch(/^Move from reading to taking part in Trials Forum/);
    expect(plan?.keep[0]?.next).toBe(
      'Keep going to Research Network, and tell people there you are moving from clinician to clinical researcher: they may know whom you should meet.',
    );
  });

  it('names the gaps when nothing leads toward the new role', () => {
    const bare = runCheck(buildSnapshot({ goals: [goal], networks: [buildNetwork({ id: 'ward', hoursPerMonth: 8 })] })).transition.items[0];
    expect(bare?.gaps.map((g) => g.code)).toEqual(['nothing-toward', 'no-professional-body']);
    expect(bare?.reduce.map((i) => i.id)).toEqual(['ward']);
  });

  it('explains when there is nothing to plan', () => {
    expect(runCheck(buildSnapshot()).transition).toMatchObject({ status: 'no-goals', items: [] });
    const plain = runCheck(buildSnapshot({ goals: [buildGoal({ id: 'g2' })] })).transition;
    expect(plain.status).toBe('no-transition-goals');
    expect(plain.message).toMatch(/^None of your goals is a transition/);
    expect(runCheck(snapshot, { goalId: 'g2' }).transition.message).toMatch(/^This goal is not a transition/);
    expect(runCheck(snapshot, { goalId: 'zzz' }).transition.status).toBe('goal-not-found');
  });

  it('accepts a transition with only a destination', () => {
    const to = buildGoal({ id: 'g3', transitionTo: 'team lead' });
    const p = runCheck(buildSnapshot({ goals: [to] })).transition.items[0];
    expect(p).toMatchObject({ from: null, to: 'team lead' });
  });
});

describe('transition need by need', () => {
  it('says which networks to keep or build serve each need, and names an essential need no network serves', () => {
    const withNeeds = buildGoal({
      ...goal,
      needs: [
        { id: 'need_1', name: 'research methods', essential: true },
        { id: 'need_2', name: 'funding', essential: true },
      ],
    });
    const snapshot = buildSnapshot({
      goals: [withNeeds],
      networks: [
        buildNetwork({ id: 'research', name: 'Research Network', kind: 'research-network', strength: 4, role: 'member' }),
        buildNetwork({ id: 'society', name: 'Cardiac Society', kind: 'professional-body', strength: 1, role: 'want-to-join' }),
      ],
      goalLinks: [buildLink('g1', 'network', 'research', 5, ['need_1']), buildLink('g1', 'network', 'society', 4, ['need_1'])],
    });
    const plan = runCheck(snapshot).transition.items[0]!;
    expect(plan.needs).toEqual([
      { needId: 'need_1', name: 'research methods', essential: true, keep: ['Research Network'], build: ['Cardiac Society'] },
      { needId: 'need_2', name: 'funding', essential: true, keep: [], build: [] },
    ]);
    expect(plan.keep[0]!.why.text).toContain('for research methods');
    expect(plan.gaps.map((g) => g.code)).toContain('need-without-network');
    expect(plan.gaps.find((g) => g.code === 'need-without-network')!.why.text).toContain('"funding"');
  });
});
