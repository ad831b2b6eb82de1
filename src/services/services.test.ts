import { beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { createGoal, listGoals } from './goals.js';
import { addIntroduction, listIntroductions } from './introductions.js';
import { addMember, linkNetworkToGoal, linkPeople, linkPersonToGoal, listGoalLinks, listMemberships, listTies } from './links.js';
import { createNetwork, listNetworks, removeNetwork, resolveNetwork, updateNetwork } from './networks.js';
import { createPerson, getPerson, listPeople, removePerson, resolvePerson, updatePerson } from './people.js';
import { closeFollowUp, listExchanges, listFollowUps, logExchange } from './exchanges.js';
import { whatIsDue } from './due.js';
import { openSession } from './session.js';
import type { Clock, ServiceContext } from './context.js';
import { ensureWorkspace, getProfile, updateProfile } from './workspace.js';
import { personDetail, goalDetail, networkDetail } from './details.js';
import { freshSession } from '../test-support/fresh-session.js';

/** A clock the test moves by hand. */
type HandClock = Clock & { set(iso: string): void };
function fixedClock(iso: string): HandClock {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

/*
 * Every test starts from an empty database of its own, on 10 March 2026, with ids counted
 * from one (so Ana, added first, is per_0001), and builds the part of the story it reads
 * with the steps below: it passes in any order, alone or shuffled.
 */

/** Ana as the user first types her in: a leader in the field, seen monthly. */
const addAna = (ctx: ServiceContext) =>
  createPerson(ctx, { name: 'Ana Silva', organisation: 'Hospital Norte', category: 'leader-in-field', strength: 3, importance: 5, cadence: '1m', tags: ['research', 'physio'], channels: [{ kind: 'email', value: 'Ana@Example.org' }] });

/** Bén, with no cadence and no date: never due until given one. */
const addBen = (ctx: ServiceContext) => createPerson(ctx, { name: 'Bén Okafor', organisation: 'Physio Society' });

/** Ana then Bén (per_0001, per_0002). */
async function addAnaAndBen(ctx: ServiceContext) {
  return { ana: await addAna(ctx), ben: await addBen(ctx) };
}

/** The research goal and the society (net_0001): Bén on its committee, Ana and the society serving the goal, Bén tied to Ana. */
async function linkTheMap(ctx: ServiceContext) {
  const goal = await createGoal(ctx, { statement: 'Get involved in research in my clinical specialty', transitionFrom: 'clinical practice', transitionTo: 'clinical research', needs: [{ name: 'methods' }] });
  const society = await createNetwork(ctx, { name: 'Physio Society', kind: 'professional-body', role: 'member', strength: 2, importance: 4, hoursPerMonth: 3.5 });
  await addMember(ctx, society.id, 'per_0002', { role: 'committee' });
  await linkPersonToGoal(ctx, 'per_0001', goal.id, { relevance: 5 });
  await linkNetworkToGoal(ctx, society.id, goal.id, { relevance: 4 });
  await linkPeople(ctx, 'per_0002', 'per_0001', { strength: 3 });
  return { goal, society };
}

/** Coffee with Ana on 20 March: a resource given, an insight received, a thank-you note to send. */
function coffeeWithAna(ctx: ServiceContext, clock: HandClock) {
  clock.set('2026-03-20T18:00:00Z');
  return logExchange(ctx, {
    channel: 'coffee',
    personIds: ['per_0001'],
    gave: [{ kind: 'resource', note: 'Shared the audit template' }],
    received: [{ kind: 'insight', note: 'How her team writes grant proposals' }],
    learned: 'Small pilot studies open doors.',
    followUps: [{ description: 'Send a thank-you note', kind: 'thank-you' }],
  });
}

/** March's journal: the coffee, then Ana's next contact set by hand and her email of 24 March (her last exchange). */
async function journalOfMarch(ctx: ServiceContext, clock: HandClock) {
  await coffeeWithAna(ctx, clock);
  await updatePerson(ctx, 'per_0001', { nextContactOn: '2026-03-25' });
  clock.set('2026-03-24T10:00:00Z');
  await logExchange(ctx, { channel: 'email', personIds: ['per_0001'], initiatedBy: 'them' });
}

describe.each(DIALECTS)('services on %s', (dialect) => {
  // Each test its own database, on the same morning: tests move the clock (set before the database opens).
  const clock = fixedClock('2026-03-10T09:00:00Z');
  beforeEach(() => clock.set('2026-03-10T09:00:00Z'));
  const world = freshSession(dialect, { clock, timeZone: 'Europe/London', per: 'test' });
  let ctx: ServiceContext;
  beforeEach(() => {
    ctx = world.session.ctx;
  });

  it('creates a person with defaults and reads them back', async () => {
    const ana = await addAna(ctx);
    expect(ana).toMatchObject({ id: 'per_0001', name: 'Ana Silva', stage: 'to-meet', knowAndLike: false, addedOn: '2026-03-10', lastExchangeOn: null, tags: ['research', 'physio'] });
    expect(ana.channels).toEqual([{ kind: 'email', value: 'Ana@Example.org', label: null }]);
    // Monthly cadence, no exchange yet: one month after being added.
    expect(ana.nextContact).toEqual({ date: '2026-04-10', basis: 'cadence-after-added' });
  });

  it('a person with no cadence and no date is never due', async () => {
    const ben = await addBen(ctx);
    expect(ben.nextContact).toBeNull();
  });

  it('finds people by name regardless of case and accents, by organisation and by email', async () => {
    await addAnaAndBen(ctx);
    expect((await listPeople(ctx, { search: 'ben' })).items.map((p) => p.name)).toEqual(['Bén Okafor']);
    expect((await listPeople(ctx, { search: 'NORTE' })).items.map((p) => p.name)).toEqual(['Ana Silva']);
    expect((await listPeople(ctx, { search: 'ana@example' })).items.map((p) => p.name)).toEqual(['Ana Silva']);
    expect((await listPeople(ctx, { search: '100%' })).items).toEqual([]);
    expect((await listPeople(ctx, { tag: 'physio' })).total).toBe(1);
    expect((await listPeople(ctx, { category: 'none' })).items.map((p) => p.name)).toEqual(['Bén Okafor']);
  });

  it('pages through a list with limit and offset, and reports the total', async () => {
    await addAnaAndBen(ctx);
    const page = await listPeople(ctx, { limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.name)).toEqual(['Bén Okafor']);
    expect((await listPeople(ctx, { offset: 1 })).items).toHaveLength(1);
  });

  it('resolves a person by id or by a unique name', async () => {
    await addAnaAndBen(ctx);
    expect(await resolvePerson(ctx, 'per_0001')).toBe('per_0001');
    expect(await resolvePerson(ctx, 'ana silva')).toBe('per_0001');
    await expect(resolvePerson(ctx, 'nobody')).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('links people, networks and goals', async () => {
    await addAnaAndBen(ctx);
    const { goal, society } = await linkTheMap(ctx);
    expect(await listMemberships(ctx)).toEqual([{ networkId: society.id, personId: 'per_0002', role: 'committee' }]);
    expect(await listTies(ctx)).toEqual([{ personAId: 'per_0001', personBId: 'per_0002', strength: 3, note: null }]);
    expect((await listGoalLinks(ctx, { goalId: goal.id })).map((l) => [l.kind, l.targetId, l.relevance])).toEqual([
      ['person', 'per_0001', 5],
      ['network', society.id, 4],
    ]);
    // Linking again updates rather than duplicates.
    await linkPersonToGoal(ctx, 'per_0001', goal.id, { relevance: 2 });
    expect((await listGoalLinks(ctx, { personId: 'per_0001' }))[0]?.relevance).toBe(2);
    expect((await listNetworks(ctx)).items[0]?.hoursPerMonth).toBe(3.5);
    expect(await resolveNetwork(ctx, 'physio society')).toBe(society.id);
    const detail = await goalDetail(ctx, goal.id);
    expect(detail.people.map((p) => p.name)).toEqual(['Ana Silva']);
    expect(detail.networks.map((n) => n.name)).toEqual(['Physio Society']);
    expect((await networkDetail(ctx, society.id)).members).toMatchObject([{ name: 'Bén Okafor', role: 'committee' }]);
  });

  it('logging an exchange moves the next contact, advances the stage and adds follow-ups', async () => {
    await addAnaAndBen(ctx);
    const { exchange, followUps } = await coffeeWithAna(ctx, clock);
    expect(exchange.occurredOn).toBe('2026-03-20');
    expect(followUps).toMatchObject([{ dueOn: '2026-03-22', personId: 'per_0001', status: 'open' }]);
    const ana = await getPerson(ctx, 'per_0001');
    expect(ana.lastExchangeOn).toBe('2026-03-20');
    expect(ana.nextContact).toEqual({ date: '2026-04-20', basis: 'cadence-after-exchange' });
    expect(ana.stage).toBe('met');
    expect((await listExchanges(ctx, { personId: 'per_0001' })).items[0]?.received[0]?.kind).toBe('insight');
  });

  it('a hand-set date wins until an exchange on or after the day it was set', async () => {
    await addAnaAndBen(ctx);
    await coffeeWithAna(ctx, clock);
    // Set on 20 March, over the cadence's 20 April.
    await updatePerson(ctx, 'per_0001', { nextContactOn: '2026-03-25' });
    expect((await getPerson(ctx, 'per_0001')).nextContact).toEqual({ date: '2026-03-25', basis: 'manual' });
    clock.set('2026-03-24T10:00:00Z');
    await logExchange(ctx, { channel: 'email', personIds: ['per_0001'], initiatedBy: 'them' });
    expect((await getPerson(ctx, 'per_0001')).nextContact).toEqual({ date: '2026-04-24', basis: 'cadence-after-exchange' });
  });

  it('lists what is due: overdue first, then within the window, plus follow-ups', async () => {
    await addAnaAndBen(ctx);
    await journalOfMarch(ctx, clock);
    await updatePerson(ctx, 'per_0002', { cadence: '2w' }); // added 2026-03-10 → due 2026-03-24
    clock.set('2026-04-22T08:00:00Z');
    const due = await whatIsDue(ctx, 7);
    expect(due.today).toBe('2026-04-22');
    expect(due.contacts.map((c) => [c.name, c.date, c.status])).toEqual([
      ['Bén Okafor', '2026-03-24', 'overdue'],
      ['Ana Silva', '2026-04-24', 'upcoming'],
    ]);
    expect(due.contacts[0]?.daysOverdue).toBe(29);
    expect(due.followUps.map((f) => [f.followUp.description, f.status])).toEqual([['Send a thank-you note', 'overdue']]);
    const [followUp] = await listFollowUps(ctx, { status: 'open' });
    await closeFollowUp(ctx, followUp!.id, 'done');
    expect((await whatIsDue(ctx, 7)).followUps).toEqual([]);
  });

  it('"today" follows the profile time zone', async () => {
    clock.set('2026-04-22T23:30:00Z');
    await updateProfile(ctx, { timeZone: 'Pacific/Kiritimati' });
    const inKiribati = await openSession(world.session.store.kind === 'sqlite' ? { kind: 'sqlite', dataDir: '' } : { kind: 'postgres', url: '' }).catch(() => null);
    expect(inKiribati).toBeNull(); // an unusable config is refused, not silently opened
    const profile = await getProfile(ctx);
    expect(profile.timeZone).toBe('Pacific/Kiritimati');
    const zone = await ensureWorkspace(ctx.db, clock, 'UTC');
    expect((await whatIsDue({ ...ctx, timeZone: zone }, 0)).today).toBe('2026-04-23');
  });

  it('a failed multi-step write leaves nothing behind', async () => {
    await addAnaAndBen(ctx);
    await journalOfMarch(ctx, clock);
    const before = await listExchanges(ctx);
    await expect(logExchange(ctx, { channel: 'call', personIds: ['per_0001', 'per_9999'], followUps: [{ description: 'x' }] })).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      logExchange(ctx, { channel: 'call', personIds: ['per_0001'], followUps: [{ description: 'Ask Bén', personId: 'per_0002' }] }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    expect((await listExchanges(ctx)).total).toBe(before.total);
    expect((await getPerson(ctx, 'per_0001')).lastExchangeOn).toBe('2026-03-24');
  });

  it('records introductions, with the user on one side', async () => {
    await addAnaAndBen(ctx);
    await linkTheMap(ctx);
    await journalOfMarch(ctx, clock);
    await addIntroduction(ctx, { byId: 'per_0002', personId: 'per_0001', toId: null, madeOn: '2026-02-01' });
    await expect(addIntroduction(ctx, { personId: 'per_0001' })).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await listIntroductions(ctx, { personId: 'per_0001' })).toMatchObject([{ byId: 'per_0002', personId: 'per_0001', toId: null }]);
    const detail = await personDetail(ctx, 'per_0001');
    expect(detail.introductions).toHaveLength(1);
    expect(detail.ties[0]?.person.name).toBe('Bén Okafor');
    expect(detail.exchanges).toHaveLength(2);
  });

  it('keeps workspaces apart', async () => {
    // Ana, the society (net_0001) and the goal are in the local workspace; none of them is seen from another.
    await addAnaAndBen(ctx);
    await linkTheMap(ctx);
    const other = await workspaceBeside(ctx, 'other', { timeZone: 'UTC' });
    expect((await listPeople(other)).total).toBe(0);
    await expect(getPerson(other, 'per_0001')).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(updateNetwork(other, 'net_0001', { strength: 1 })).rejects.toMatchObject({ name: 'NotFoundError' });
    expect((await listGoals(other)).total).toBe(0);
  });

  it('removes a network and a person with their links, keeping shared exchanges', async () => {
    await addAnaAndBen(ctx);
    await linkTheMap(ctx);
    await journalOfMarch(ctx, clock);
    await addIntroduction(ctx, { byId: 'per_0002', personId: 'per_0001', toId: null, madeOn: '2026-02-01' });
    await removeNetwork(ctx, 'net_0001');
    expect(await listMemberships(ctx)).toEqual([]);
    await logExchange(ctx, { channel: 'event', personIds: ['per_0001', 'per_0002'] });
    const before = (await listExchanges(ctx)).total;
    await removePerson(ctx, 'per_0002');
    expect(await listTies(ctx)).toEqual([]);
    expect((await listExchanges(ctx)).total).toBe(before);
    await removePerson(ctx, 'per_0001');
    expect((await listExchanges(ctx)).total).toBe(0);
  });
});
