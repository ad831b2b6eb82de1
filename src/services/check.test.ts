import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, Finding } from '../core/check/index.js';
import { DIALECTS } from '../test-support/databases.js';
import { checkNetwork, loadSnapshot } from './check.js';
import { loadDemo } from './demo.js';
import { listGoals } from './goals.js';
import { freshSession } from '../test-support/fresh-session.js';

/** The demo map through the whole stack: loaded by the services, read back, checked. */
describe.each(DIALECTS)('the network check on the demo map, %s', (dialect) => {
  const world = freshSession(dialect, { ids: 'random', timeZone: 'Europe/London' });
  let report: CheckReport;

  beforeAll(async () => {
    const summary = await loadDemo(world.session.ctx);
    expect(summary).toMatchObject({ goals: 3 });
    expect(summary.people).toBeGreaterThanOrEqual(75);
    expect(summary.exchanges).toBeGreaterThanOrEqual(140);
    report = await checkNetwork(world.session.ctx);
  });

  it('refuses to mix the demo into a map that has data', async () => {
    await expect(loadDemo(world.session.ctx)).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it('reads back the whole map', async () => {
    const snapshot = await loadSnapshot(world.session.ctx);
    expect(snapshot.today).toBe('2026-11-22');
    expect(snapshot.exchanges.length).toBeGreaterThanOrEqual(140);
    expect(snapshot.memberships.length).toBeGreaterThan(50);
    expect(snapshot.profile.workingOn).toBeTruthy();
  });

  it('has every part, and every finding says what, why and what next', () => {
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['map', 'quadrants', 'goals', 'diversity', 'startHere', 'reciprocity', 'neglect', 'weakTies', 'transition']));
    const all: Finding[] = [
      ...report.quadrants.maintain,
      ...report.quadrants.strengthen,
      ...report.quadrants.overInvested,
      ...report.quadrants.letBe,
      ...report.startHere.items,
      ...report.reciprocity.oneWay,
      ...report.neglect.overdue,
      ...report.neglect.fading,
      ...report.neglect.lostJobList,
      ...report.weakTies.items,
      ...report.transition.items.flatMap((p) => [...p.keep, ...p.reduce, ...p.build]),
    ];
    expect(all.length).toBeGreaterThan(100);
    for (const f of all) {
      expect(['person', 'network']).toContain(f.kind);
      expect(f.id).toMatch(/^(per|net)_/);
      expect(f.why.text.length).toBeGreaterThan(10);
      expect(f.next.length).toBeGreaterThan(10);
      expect(f.next).not.toMatch(/undefined|NaN|\.\.$/);
    }
    const quadrantTotal = (['maintain', 'strengthen', 'overInvested', 'letBe'] as const).reduce((n, q) => n + report.quadrants[q].length, 0);
    expect(quadrantTotal).toBe(report.summary.people + report.summary.networks);
  });

  it('finds what the demo story put there', () => {
    expect(report.quadrants.overInvested.map((i) => i.name)).toContain('Riverside Staff Sports and Social Committee');
    expect(report.neglect.lostJobList.map((i) => i.name)).toContain('Joanna Kamińska');
    expect(report.transition.items).toHaveLength(1);
    expect(report.goals.items).toHaveLength(3);
    expect(report.map.nodes.find((n) => n.kind === 'me')?.ring).toBe(0);
  });

  it('tells the story of what is missing, need by need', () => {
    const byStatement = (start: string) => report.goals.items.find((g) => g.statement.startsWith(start))!;
    const research = byStatement('Move from full-time clinical practice');
    const fellowship = byStatement('Secure a funded clinical doctoral fellowship');
    const publish = byStatement('Publish our breathlessness service evaluation');
    expect(research.verdict).toBe('covered');
    expect(research.needs.find((n) => n.name === 'statistics')).toMatchObject({ verdict: 'missing', essential: false });

    expect(fellowship.verdict).not.toBe('covered');
    const funding = fellowship.needs.find((n) => n.name === 'funding')!;
    expect(funding).toMatchObject({ verdict: 'missing', essential: true, contributors: [] });
    expect(funding.suggestions[0]).toMatchObject({ kind: 'confirm-person', target: { name: 'Dr Catherine Moreau' } });
    expect(fellowship.gaps[0]).toMatchObject({ code: 'need-missing' });
    expect(fellowship.next).toMatch(/Catherine Moreau/);

    expect(publish.verdict).toBe('thin');
    expect(publish.needs.find((n) => n.name === 'journals')!.verdict).toBe('thin');
  });

  it('focuses on one goal', async () => {
    const goals = await listGoals(world.session.ctx);
    const goal = goals.items[1]!;
    const focused = await checkNetwork(world.session.ctx, { goalId: goal.id });
    expect(focused.goals.items.map((g) => g.goalId)).toEqual([goal.id]);
    await expect(checkNetwork(world.session.ctx, { goalId: 'goal_nope' })).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
