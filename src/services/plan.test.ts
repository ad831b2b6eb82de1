import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import type { Clock } from './context.js';
import { logExchange } from './exchanges.js';
import { createGoal } from './goals.js';
import { linkPersonToGoal } from './links.js';
import { createPerson, updatePerson } from './people.js';
import { addTarget, closeTarget, planView, rollOver, suggestPlan, swapTarget, updatePlanSettings } from './plan.js';
import { planPageHtml } from '../codecs/html/plan-page.js';
import { createShare, listShares, resolveShareToken, revokeShare, rotateShare } from './shares.js';
import { freshSession } from '../test-support/fresh-session.js';

function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

type Key = 'easy' | 'weak' | 'new1' | 'new2' | 'busy';

describe.each(DIALECTS)('the monthly plan on %s', (dialect) => {
  const world = freshSession(dialect, { clock: movableClock('2026-11-20T09:00:00Z'), timeZone: 'Europe/London' });
  let worlds = 0;

  /**
   * Each test's own month, in a workspace of its own with a clock of its own (tests move
   * it): a goal, five people linked to it, two places a month and a cap of two new
   * relationships.
   */
  async function month() {
    const clock = movableClock('2026-11-20T09:00:00Z');
    const ctx = await workspaceBeside(world.session.ctx, `ws_plan_${++worlds}`, { clock, timeZone: 'Europe/London' });
    const goal = await createGoal(ctx, { statement: 'Get into research' });
    const people: [Key, Parameters<typeof createPerson>[1]][] = [
      ['easy', { name: 'Ana Easy', strength: 3, importance: 5, knowAndLike: true, canHelp: true, stage: 'in-touch' }],
      ['weak', { name: 'Ben Weak', strength: 1, importance: 5, stage: 'to-meet' }],
      ['new1', { name: 'Cai New', strength: 0, importance: 4, stage: 'to-meet' }],
      ['new2', { name: 'Dee New', strength: 0, importance: 4, stage: 'to-meet' }],
      ['busy', { name: 'Eve Underway', strength: 2, importance: 4, stage: 'met' }],
    ];
    const ids = {} as Record<Key, string>;
    for (const [key, input] of people) {
      ids[key] = (await createPerson(ctx, input)).id;
      await linkPersonToGoal(ctx, ids[key], goal.id, { relevance: 4 });
    }
    await updatePlanSettings(ctx, { monthlyTargets: 2, newRelationshipCap: 2, accountabilityPartner: 'Dr Fay Mentor' });
    return { ctx, clock, ids };
  }

  /** The month with three people planned, one past the number: Ana and Ben as suggested, Cai on the user's own reason. */
  async function monthPlanned() {
    const world = await month();
    for (const key of ['easy', 'weak'] as const) await addTarget(world.ctx, { personId: world.ids[key] });
    await addTarget(world.ctx, { personId: world.ids.new1, reason: 'Met at the conference; promised to write' });
    return world;
  }

  it('suggests as many people as the month has places, and honours the cap on new relationships', async () => {
    const { ctx, ids } = await month();
    const s = await suggestPlan(ctx);
    expect(s.month).toBe('2026-11');
    expect(s.placesLeft).toBe(2);
    expect(s.suggestions).toHaveLength(2);
    // One relationship (Eve) is under way and the cap is 2: at most one new person.
    expect(s.cap).toMatchObject({ inProgress: 1, starting: 0, cap: 2 });
    expect(s.suggestions.filter((x) => x.startsNewRelationship)).toHaveLength(1);
    expect(s.suggestions[0]).toMatchObject({ personId: ids.easy, source: 'start-here' });
    for (const x of s.suggestions) expect(x.reason.length).toBeGreaterThan(10);
  });

  it('accepting fills the month; planning past the number or the cap warns instead of refusing', async () => {
    const { ctx, ids } = await month();
    const first = await addTarget(ctx, { personId: ids.easy });
    expect(first).toMatchObject({ target: { source: 'start-here', status: 'open', month: '2026-11' }, warnings: [] });
    const second = await addTarget(ctx, { personId: ids.weak });
    expect(second.warnings).toEqual([]);
    expect((await suggestPlan(ctx)).suggestions).toEqual([]);
    const third = await addTarget(ctx, { personId: ids.new1, reason: 'Met at the conference; promised to write' });
    expect(third.target).toMatchObject({ source: 'own', reason: 'Met at the conference; promised to write' });
    expect(third.warnings).toHaveLength(2);
    expect(third.warnings[0]).toMatch(/past your monthly number of 2/);
    expect(third.warnings[1]).toMatch(/past your cap of 2/);
  });

  it('the plan view carries one count of new relationships, the same in its line and its warning', async () => {
    const { ctx } = await monthPlanned();
    // Eve is under way (met); Ben and Cai are planned but not met yet: 3 against a cap of 2.
    const view = await planView(ctx);
    expect(view.cap).toMatchObject({ inProgress: 1, starting: 2, count: 3, cap: 2, over: true });
    expect(view.cap.text).toBe('3 new relationships in progress (your cap is 2)');
    expect(view.cap.warning).toMatch(/^3 new relationships in progress \(1 under way, 2 planned\): past your cap of 2\./);
    expect(view.progress).toMatchObject({ done: 0, open: 3, monthlyTargets: 2, placesLeft: 0 });
    expect(view.progress.text).toBe('0 of 2 done, 3 open, 0 places left');
  });

  it('counts the relationships under way as people move into and out of those stages, from one plan to the next', async () => {
    const { ctx, ids } = await month();
    // Counted from the people list's kept counts (a count per stage, caught up with each write): read once, then after each change.
    expect((await planView(ctx)).cap).toMatchObject({ inProgress: 1 });
    await updatePerson(ctx, ids.weak, { stage: 'reached-out' });
    expect((await planView(ctx)).cap).toMatchObject({ inProgress: 2 });
    await updatePerson(ctx, ids.new1, { stage: 'met' });
    expect((await suggestPlan(ctx)).cap).toMatchObject({ inProgress: 3 });
    await updatePerson(ctx, ids.busy, { stage: 'in-touch' });
    await updatePerson(ctx, ids.weak, { stage: 'dormant' });
    expect((await planView(ctx)).cap).toMatchObject({ inProgress: 1 });
  });

  it('planning someone already planned is not an error: it says so in words, adds nothing and repeats no warning', async () => {
    const { ctx, ids } = await monthPlanned();
    const before = (await planView(ctx)).targets.length;
    const again = await addTarget(ctx, { personId: ids.new1, reason: 'Clicked twice' });
    expect(again).toMatchObject({ alreadyPlanned: true, warnings: [], message: 'Cai New is already in your plan for 2026-11: nothing to add.' });
    expect(again.message).not.toMatch(/tgt_/);
    expect(again.target.reason).toBe('Met at the conference; promised to write');
    expect((await planView(ctx)).targets).toHaveLength(before);
    const view = await planView(ctx);
    const easy = view.targets.find((t) => t.personId === ids.easy)!;
    await expect(swapTarget(ctx, easy.id, ids.new1)).rejects.toMatchObject({ name: 'ConflictError', message: 'Cai New is already in your plan for 2026-11: swap in someone who is not.' });
    expect((await planView(ctx)).targets.find((t) => t.id === easy.id)?.status).toBe('open');
  });

  it('a logged exchange with a target completes it', async () => {
    const { ctx, clock, ids } = await monthPlanned();
    clock.set('2026-11-26T09:00:00Z'); // the coffee on the 25th has happened
    const { exchange } = await logExchange(ctx, { channel: 'coffee', personIds: [ids.easy], occurredOn: '2026-11-25' });
    const view = await planView(ctx);
    const done = view.targets.find((t) => t.personId === ids.easy);
    expect(done).toMatchObject({ status: 'done', exchangeId: exchange.id, closedOn: '2026-11-25' });
    expect(view.progress).toMatchObject({ planned: 3, done: 1, open: 2 });
  });

  it('swaps and drops', async () => {
    const { ctx, ids } = await monthPlanned();
    const view = await planView(ctx);
    const target = view.targets.find((t) => t.personId === ids.new1)!;
    const swapped = await swapTarget(ctx, target.id, ids.new2);
    expect(swapped.target.personId).toBe(ids.new2);
    const after = await planView(ctx);
    expect(after.targets.find((t) => t.id === target.id)?.status).toBe('dropped');
    await closeTarget(ctx, swapped.target.id, 'dropped');
    await expect(closeTarget(ctx, swapped.target.id, 'done')).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it('rolls unfinished targets over into the next month', async () => {
    // November ends with Ana's target done, Cai's dropped and Ben's still open.
    const { ctx, clock, ids } = await monthPlanned();
    await logExchange(ctx, { channel: 'coffee', personIds: [ids.easy], occurredOn: '2026-11-20' });
    await closeTarget(ctx, (await planView(ctx)).targets.find((t) => t.personId === ids.new1)!.id, 'dropped');
    clock.set('2026-12-01T08:00:00Z');
    expect((await planView(ctx)).targets).toEqual([]);
    const rolled = await rollOver(ctx);
    expect(rolled.map((t) => [t.personId, t.month, t.status])).toEqual([[ids.weak, '2026-12', 'open']]);
    expect(rolled[0]?.rolledOverFrom).toBeTruthy();
    const november = await planView(ctx, '2026-11');
    expect(november.targets.find((t) => t.personId === ids.weak)?.status).toBe('rolled-over');
    // An exchange dated in November does not complete December's target; one in December does.
    await logExchange(ctx, { channel: 'email', personIds: [ids.weak], occurredOn: '2026-11-30' });
    expect((await planView(ctx)).targets[0]?.status).toBe('open');
    await logExchange(ctx, { channel: 'call', personIds: [ids.weak], occurredOn: '2026-12-01' });
    expect((await planView(ctx)).targets[0]?.status).toBe('done');
    expect(await rollOver(ctx)).toEqual([]);
  });

  it('the accountability page shows targets and progress, and notes only when asked', async () => {
    const { ctx, ids } = await monthPlanned();
    await logExchange(ctx, { channel: 'coffee', personIds: [ids.easy], occurredOn: '2026-11-20' });
    const view = await planView(ctx, '2026-11');
    const html = planPageHtml(view, { ownerName: 'Sam <Tester>', includeNotes: false });
    expect(html).toContain("Sam &lt;Tester&gt;'s networking plan for November 2026");
    expect(html).toContain('Ana Easy');
    expect(html).toContain('Progress: 1 of 2 done');
    expect(html).toContain('Shared with Dr Fay Mentor');
    expect(html).not.toContain('Notes:');
  });

  it('share tokens open their page until revoked, at once', async () => {
    const { ctx } = await month();
    const created = await createShare(ctx, { kind: 'plan', label: 'Supervisor' });
    expect(created.token.length).toBeGreaterThanOrEqual(43);
    expect(await resolveShareToken(ctx.db, created.token, 'plan')).toMatchObject({ id: created.share.id, workspaceId: ctx.workspaceId });
    expect(await resolveShareToken(ctx.db, created.token, 'calendar')).toBeNull();
    expect(await resolveShareToken(ctx.db, `${created.token}x`, 'plan')).toBeNull();
    await revokeShare(ctx, created.share.id);
    expect(await resolveShareToken(ctx.db, created.token, 'plan')).toBeNull();
    const feed = await createShare(ctx, { kind: 'calendar' });
    const rotated = await rotateShare(ctx, feed.share.id);
    expect(await resolveShareToken(ctx.db, feed.token, 'calendar')).toBeNull();
    expect(await resolveShareToken(ctx.db, rotated.token, 'calendar')).not.toBeNull();
    expect((await listShares(ctx)).map((s) => [s.kind, s.revokedAt !== null])).toEqual([
      ['plan', true],
      ['calendar', true],
      ['calendar', false],
    ]);
  });
});
