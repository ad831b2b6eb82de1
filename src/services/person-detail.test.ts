import { beforeAll, describe, expect, it } from 'vitest';
import { compareNames } from '../core/names.js';
import type { PersonDetail } from '../core/person-detail.js';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { DIALECTS, type Dialect } from '../test-support/databases.js';
import { freshSession, type FreshSession } from '../test-support/fresh-session.js';
import { bulkLoad } from './bulk-load.js';
import type { ServiceContext } from './context.js';
import { personDetail } from './details.js';
import { addFollowUp, listExchanges, listFollowUps, logExchange } from './exchanges.js';
import { listGoals } from './goals.js';
import { addIntroduction, listIntroductions } from './introductions.js';
import { linkPeople, listGoalLinks, listMemberships, listTies } from './links.js';
import { listNetworks } from './networks.js';
import { createPerson, getPerson, listPeople, removePerson } from './people.js';
import { listPersonDates, setPersonDates } from './person-dates.js';
import { photosOf, setPhoto } from './photos.js';
import type { Session } from './session.js';
import { ensureWorkspace } from './workspace.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const NOW = '2026-11-22T10:00:00.000Z';

/**
 * The person detail is one statement per dialect (storage/person-detail.ts). Here it is held
 * to what each aggregate's own reader says of the same person, on both databases, and the two
 * databases to each other, over a generated map with every part a page shows.
 */

/** The same map on each database: a generated one, and what the generator leaves out (dates, a photo, follow-ups, a removed person, channels). */
const snapshot = generateLargeSnapshot({ people: 40, networks: 6, goals: 4, exchanges: 160, today: '2026-11-22', seed: 5 });

async function seed(ctx: ServiceContext): Promise<void> {
  await bulkLoad(ctx, snapshot);
  const [first, second, third] = snapshot.people.map((p) => p.id);
  await setPersonDates(ctx, first!, [
    { kind: 'birthday', label: null, month: 2, day: 29, year: null },
    { kind: 'other', label: 'Started at the trust', month: 12, day: 20, year: 2019 },
  ]);
  await setPhoto(ctx, first!, PNG);
  const gone = await createPerson(ctx, { name: 'Zed Gone', channels: [{ kind: 'email', value: 'zed@example.org', label: 'work' }, { kind: 'phone', value: '+44 20 7946 0000' }] });
  await linkPeople(ctx, first!, gone.id, { strength: 2, note: 'through "Zed"' });
  await addIntroduction(ctx, { byId: second!, personId: first!, toId: gone.id, madeOn: '2026-10-01', note: 'at the conference' });
  await addIntroduction(ctx, { personId: third!, toId: first!, madeOn: '2026-10-01' });
  await logExchange(ctx, { channel: 'call', personIds: [first!, second!, gone.id], occurredOn: '2026-11-20', gave: [{ kind: 'help', note: 'on grants' }], learned: 'She moves to Leeds', followUps: [{ description: 'Send the paper', personId: first! }] });
  await addFollowUp(ctx, { personId: first!, description: 'Ask about the ’trial’', dueOn: '2026-12-01' });
  // Removed: their tie and introductions go, the shared exchange stays with the others.
  await removePerson(ctx, gone.id);
}

/** The person's detail as the aggregates' own readers give its parts, in the page's orders. */
async function fromReaders(ctx: ServiceContext, id: string, today: string): Promise<PersonDetail> {
  const person = await getPerson(ctx, id);
  const [links, memberships, ties, introductions, exchanges, followUps, dates, photos, goals, networks, people] = await Promise.all([
    listGoalLinks(ctx, { personId: id }),
    listMemberships(ctx, { personId: id }),
    listTies(ctx, { personId: id }),
    listIntroductions(ctx, { personId: id }),
    listExchanges(ctx, { personId: id }),
    listFollowUps(ctx, { personId: id }),
    listPersonDates(ctx, id),
    photosOf(ctx, [id]),
    listGoals(ctx),
    listNetworks(ctx),
    listPeople(ctx),
  ]);
  const nameOf = new Map(people.items.map((p) => [p.id, p.name]));
  const others = [...ties.map((t) => (t.personAId === id ? t.personBId : t.personAId)), ...introductions.flatMap((i) => [i.byId, i.personId, i.toId])].filter((x): x is string => x !== null && x !== id);
  return {
    person,
    goals: links
      .map((l) => ({ goal: goals.items.find((g) => g.id === l.goalId)!, relevance: l.relevance, note: l.note, serves: l.serves }))
      .sort((a, b) => b.relevance - a.relevance || a.goal.statement.localeCompare(b.goal.statement)),
    networks: memberships.map((m) => ({ network: networks.items.find((n) => n.id === m.networkId)!, role: m.role })).sort((a, b) => a.network.name.localeCompare(b.network.name)),
    ties: ties
      .map((t) => {
        const other = t.personAId === id ? t.personBId : t.personAId;
        return { person: { id: other, name: nameOf.get(other) ?? other }, strength: t.strength, note: t.note };
      })
      .sort((a, b) => compareNames(a.person, b.person)),
    introductions,
    names: Object.fromEntries(others.flatMap((o) => (nameOf.has(o) ? [[o, nameOf.get(o)!]] : []))),
    exchanges: exchanges.items,
    followUps,
    dates,
    hasPhoto: photos.has(id),
    today,
  };
}

// Both databases for the whole file: one test compares them field for field.
const worlds = Object.fromEntries(DIALECTS.map((dialect) => [dialect, freshSession(dialect, { clock: { now: () => new Date(NOW) }, timeZone: 'Europe/London' })])) as Record<Dialect, FreshSession>;
const sessions = { get: (dialect: Dialect): Session => worlds[dialect].session };

beforeAll(async () => {
  for (const dialect of DIALECTS) await seed(worlds[dialect].session.ctx);
}, 120_000);

describe.each(DIALECTS)("a person's detail on %s", (dialect) => {
  it('says of every person what each aggregate’s own reader says', async () => {
    const ctx = sessions.get(dialect)!.ctx;
    const people = (await listPeople(ctx)).items;
    expect(people.length).toBe(40);
    for (const p of people) expect(await personDetail(ctx, p.id), p.id).toEqual(await fromReaders(ctx, p.id, '2026-11-22'));
  });

  it('gives the person with every part all of them', async () => {
    const ctx = sessions.get(dialect)!.ctx;
    const first = snapshot.people[0]!;
    const detail = await personDetail(ctx, first.id);
    expect(detail.dates).toEqual([
      { kind: 'birthday', label: null, month: 2, day: 29, year: null },
      { kind: 'other', label: 'Started at the trust', month: 12, day: 20, year: 2019 },
    ]);
    expect(detail.hasPhoto).toBe(true);
    expect(detail.today).toBe('2026-11-22');
    // The exchange with someone since removed keeps the others; the follow-ups come by due date.
    const call = detail.exchanges.find((e) => e.occurredOn === '2026-11-20')!;
    expect(call).toMatchObject({ channel: 'call', gave: [{ kind: 'help', note: 'on grants' }], learned: 'She moves to Leeds', createdAt: NOW });
    expect(call.personIds).toHaveLength(2);
    expect(detail.followUps.map((f) => f.description).sort()).toEqual(['Ask about the ’trial’', 'Send the paper']);
    expect(detail.followUps.map((f) => f.dueOn)).toEqual(detail.followUps.map((f) => f.dueOn).sort());
    expect(detail.introductions.some((i) => i.toId === first.id && i.byId === null)).toBe(true);
    expect(Object.values(detail.names)).not.toContain('Zed Gone');
  });

  it('is the same on both databases, field for field', async () => {
    const here = sessions.get(dialect)!.ctx;
    const there = sessions.get(dialect === 'sqlite' ? 'postgres' : 'sqlite')!.ctx;
    for (const p of (await listPeople(here)).items) expect(await personDetail(here, p.id), p.id).toEqual(await personDetail(there, p.id));
  });

  it('knows no person of another workspace, nor an id nobody has', async () => {
    const ctx = sessions.get(dialect)!.ctx;
    const someone = (await listPeople(ctx, { limit: 1 })).items[0]!;
    await ensureWorkspace(ctx.db, ctx.clock, 'UTC', 'elsewhere');
    const elsewhere = { ...ctx, workspaceId: 'elsewhere' };
    await expect(personDetail(elsewhere, someone.id)).rejects.toMatchObject({ name: 'NotFoundError' });
    for (const id of ['nobody', "x' or '1'='1", '%', 'p'.repeat(5000), 'ünïcødé ✓']) await expect(personDetail(ctx, id), id).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
