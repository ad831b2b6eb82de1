import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../core/dates.js';
import { nextContact } from '../core/next-contact.js';
import { searchText } from '../core/search-text.js';
import { sortKey } from '../core/names.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import type { Clock, ServiceContext } from './context.js';
import { logExchange, removeExchange } from './exchanges.js';
import { exportBackup, restoreBackup } from './export/backup.js';
import { importFile } from './imports.js';
import { createGoal, removeGoal, updateGoal } from './goals.js';
import { linkPersonToGoal, unlinkFromGoal } from './links.js';
import { bulkJudge, createPerson, listPeople, removePerson, updatePerson } from './people.js';

const TODAY = '2026-11-20';
const clock: Clock = { now: () => new Date(`${TODAY}T09:00:00Z`) };

/** A date at most two years back, or a few months ahead for a hand-set next contact. */
const pastDate = fc.integer({ min: 0, max: 730 }).map((days) => addDays(TODAY, -days));
const anyDate = fc.integer({ min: -400, max: 120 }).map((days) => addDays(TODAY, days));
const cadence = fc.constantFrom(null, '1w', '2w', '1m', '3m', '6m', '1y', '10d');
const pick = fc.nat();

type Op =
  | { kind: 'create'; cadence: string | null; nextContactOn: string | null; addedOn: string }
  | { kind: 'edit'; who: number; cadence: string | null | undefined; nextContactOn: string | null | undefined; organisation: string | undefined; email: string | undefined; text: TextEdit }
  | { kind: 'log'; who: number[]; on: string }
  | { kind: 'unlog'; which: number }
  | { kind: 'remove'; who: number }
  | { kind: 'bulk'; who: number[]; cadence: string | null }
  | { kind: 'import'; count: number }
  | { kind: 'goal' }
  | { kind: 'link'; who: number; goal: number; relevance: number }
  | { kind: 'unlink'; which: number }
  | { kind: 'goal-status'; goal: number; status: 'active' | 'achieved' | 'dropped' }
  | { kind: 'goal-remove'; goal: number };

/** An edit of what the search text and the sort key are made from (worked out from the row read before the edit: storage/people.ts updatePersonRow). */
type TextEdit = { name?: string; familyName?: string | null; role?: string | null; location?: string | null; tags?: string[]; notes?: string | null };
const textEdit: fc.Arbitrary<TextEdit> = fc.record(
  {
    name: fc.constantFrom('Zoë Renamed', 'Ana'),
    familyName: fc.option(fc.constantFrom('Ñúñez', 'Smith'), { nil: null }),
    role: fc.option(fc.constantFrom('Chief Ópera', 'Nurse'), { nil: null }),
    location: fc.option(fc.constantFrom('Ljubljana', 'São Paulo'), { nil: null }),
    tags: fc.constantFrom([], ['Físio', 'Board']),
    notes: fc.option(fc.constantFrom('Met at the ÉCOLE', 'x'), { nil: null }),
  },
  { requiredKeys: [] },
);

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), cadence, nextContactOn: fc.option(anyDate, { nil: null }), addedOn: pastDate }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), who: pick, cadence: fc.option(cadence, { nil: undefined }), nextContactOn: fc.option(fc.option(anyDate, { nil: null }), { nil: undefined }), organisation: fc.option(fc.constantFrom('Hôpital Nord', 'Acme'), { nil: undefined }), email: fc.option(fc.constantFrom('Zoë@Example.org', 'b@c.de'), { nil: undefined }), text: textEdit }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('log' as const), who: fc.array(pick, { minLength: 1, maxLength: 3 }), on: pastDate }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unlog' as const), which: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), who: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bulk' as const), who: fc.array(pick, { minLength: 1, maxLength: 4 }), cadence }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('import' as const), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('goal' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('link' as const), who: pick, goal: pick, relevance: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink' as const), which: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('goal-status' as const), goal: pick, status: fc.constantFrom('active' as const, 'achieved' as const, 'dropped' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('goal-remove' as const), goal: pick }) },
);

let imported = 0;
function linkedInFile(count: number): Uint8Array {
  const rows = Array.from({ length: count }, () => {
    imported += 1;
    return `Imported,Person ${imported},imported${imported}@example.org,,Org ${imported},Engineer,12 Mar 2024`;
  });
  return new TextEncoder().encode(`Notes:\n"When exporting your connection data, you may notice..."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}\n`);
}

async function apply(ctx: ServiceContext, step: Op): Promise<void> {
  const people = (await ctx.db.selectFrom('people').select('id').where('workspaceId', '=', ctx.workspaceId).orderBy('id').execute()).map((p) => p.id);
  const exchanges = (await ctx.db.selectFrom('exchanges').select('id').where('workspaceId', '=', ctx.workspaceId).orderBy('id').execute()).map((e) => e.id);
  const person = (n: number) => people[n % people.length]!;
  const goals = (await ctx.db.selectFrom('goals').select('id').where('workspaceId', '=', ctx.workspaceId).orderBy('id').execute()).map((g) => g.id);
  const goal = (n: number) => goals[n % goals.length]!;
  switch (step.kind) {
    case 'create':
      await createPerson(ctx, { name: `Persón ${people.length + 1}`, cadence: step.cadence, nextContactOn: step.nextContactOn, addedOn: step.addedOn, tags: ['Físio'], channels: [{ kind: 'email', value: `p${people.length}@example.org` }] });
      return;
    case 'edit':
      if (people.length) {
        await updatePerson(ctx, person(step.who), {
          ...(step.cadence !== undefined ? { cadence: step.cadence } : {}),
          ...(step.nextContactOn !== undefined ? { nextContactOn: step.nextContactOn } : {}),
          ...(step.organisation !== undefined ? { organisation: step.organisation } : {}),
          ...(step.email !== undefined ? { channelGroups: { emails: [{ kind: 'email', value: step.email }] } } : {}),
          ...step.text,
        });
      }
      return;
    case 'log':
      if (people.length) await logExchange(ctx, { personIds: [...new Set(step.who.map(person))], channel: 'coffee', occurredOn: step.on });
      return;
    case 'unlog':
      if (exchanges.length) await removeExchange(ctx, exchanges[step.which % exchanges.length]!);
      return;
    case 'remove':
      if (people.length) await removePerson(ctx, person(step.who));
      return;
    case 'bulk':
      if (people.length) await bulkJudge(ctx, { ids: [...new Set(step.who.map(person))] }, { cadence: step.cadence });
      return;
    case 'import':
      await importFile(ctx, linkedInFile(step.count));
      return;
    case 'goal':
      await createGoal(ctx, { statement: `Goal ${goals.length + 1}` });
      return;
    case 'link':
      if (people.length && goals.length) await linkPersonToGoal(ctx, person(step.who), goal(step.goal), { relevance: step.relevance });
      return;
    case 'unlink': {
      const links = await ctx.db.selectFrom('personGoals').select(['personId', 'goalId']).where('workspaceId', '=', ctx.workspaceId).orderBy('goalId').orderBy('personId').execute();
      const link = links[step.which % Math.max(1, links.length)];
      if (link) await unlinkFromGoal(ctx, 'person', link.personId, link.goalId);
      return;
    }
    case 'goal-status':
      if (goals.length) await updateGoal(ctx, goal(step.goal), { status: step.status });
      return;
    case 'goal-remove':
      if (goals.length) await removeGoal(ctx, goal(step.goal));
      return;
  }
}

/** The derived dates as stored, beside what the rows they come from say (the definition the people list used to compute per request). */
async function storedAndRecomputed(ctx: ServiceContext) {
  const rows = await ctx.db
    .selectFrom('people')
    .select(['id', 'goalRelevance', sql<number>`coalesce((select max(pg.relevance) from person_goals pg join goals g on g.id = pg.goal_id where pg.person_id = people.id and g.status = 'active'), 0)`.as('bestRelevance'), 'name', 'familyName', 'sortName', 'organisation', 'role', 'location', 'tags', 'notes', 'searchText', 'nextContactOn', 'cadence', 'addedOn', 'lastExchangeOn', 'nextContactDue', sql<string | null>`(select max(ep.occurred_on) from exchange_people ep where ep.person_id = people.id)`.as('latest')])
    .where('workspaceId', '=', ctx.workspaceId)
    .orderBy('id')
    .execute();
  const points = await ctx.db.selectFrom('contactPoints').select(['personId', 'value']).orderBy('personId').orderBy('position').execute();
  const channelsOf = (id: string) => points.filter((p) => p.personId === id).map((p) => p.value);
  return {
    stored: rows.map((r) => ({ id: r.id, lastExchangeOn: r.lastExchangeOn, nextContactDue: r.nextContactDue, searchText: r.searchText, sortName: r.sortName, goalRelevance: Number(r.goalRelevance) })),
    recomputed: rows.map((r) => ({
      id: r.id,
      goalRelevance: Number(r.bestRelevance),
      searchText: searchText({ ...r, tags: JSON.parse(r.tags) as string[] }, channelsOf(r.id)),
      sortName: sortKey(r.name, r.familyName),
      lastExchangeOn: r.latest,
      nextContactDue: nextContact({ nextContactOn: r.nextContactOn, cadence: r.cadence, lastExchangeOn: r.latest, addedOn: r.addedOn })?.date ?? null,
    })),
  };
}

describe.each(DIALECTS)('the kept-current last exchange, next contact, search text and goal relevance on %s', (dialect) => {
  const world = freshSession(dialect, { clock });
  let ctx: ServiceContext;
  beforeAll(async () => {
    ctx = world.session.ctx;
    // In whatever order the tests run, each finds people with cadences, hand-set dates and
    // exchanges to read (the random runs add more).
    for (const step of [
      { kind: 'create', cadence: '1m', nextContactOn: null, addedOn: addDays(TODAY, -200) },
      { kind: 'create', cadence: '2w', nextContactOn: addDays(TODAY, -3), addedOn: addDays(TODAY, -90) },
      { kind: 'create', cadence: null, nextContactOn: addDays(TODAY, 5), addedOn: addDays(TODAY, -10) },
      { kind: 'create', cadence: '3m', nextContactOn: null, addedOn: addDays(TODAY, -400) },
      { kind: 'log', who: [0, 1], on: addDays(TODAY, -40) },
      { kind: 'log', who: [3], on: addDays(TODAY, -120) },
    ] as Op[]) {
      await apply(ctx, step);
    }
  });

  it('equal a recomputation from the rows after any sequence of writes: add, edit, log, unlog, remove, bulk edit, import, goals and links', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const step of steps) await apply(ctx, step);
        const { stored, recomputed } = await storedAndRecomputed(ctx);
        expect(stored).toEqual(recomputed);
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 15 },
    );
    // Whatever the random runs drew, one fixed sequence exercises every kept value, checked the same way.
    for (const step of [
      { kind: 'create', cadence: '1m', nextContactOn: null, addedOn: TODAY },
      { kind: 'log', who: [0, 1], on: TODAY },
    ] as Op[]) {
      await apply(ctx, step);
    }
    const fresh = await createGoal(ctx, { statement: 'A goal for the fixed sequence' });
    const someone = (await listPeople(ctx, { limit: 1 })).items[0]!;
    await linkPersonToGoal(ctx, someone.id, fresh.id, { relevance: 5 });
    const { stored, recomputed } = await storedAndRecomputed(ctx);
    expect(stored).toEqual(recomputed);
    expect(stored.filter((p) => p.lastExchangeOn !== null).length).toBeGreaterThan(0);
    expect(stored.filter((p) => p.nextContactDue !== null).length).toBeGreaterThan(0);
    expect(stored.find((p) => p.id === someone.id)?.goalRelevance).toBe(5);
  }, 240_000);

  it('the people list filters and sorts by them as it did when it computed them per request', async () => {
    const everyone = (await listPeople(ctx)).items;
    const key = (date: string | undefined) => date ?? '9999-12-31';
    const byName = [...everyone];
    const expectedOrder = [...byName].sort((a, b) => (key(a.nextContact?.date) < key(b.nextContact?.date) ? -1 : key(a.nextContact?.date) > key(b.nextContact?.date) ? 1 : 0));
    expect((await listPeople(ctx, { sort: 'next-contact' })).items.map((p) => p.id)).toEqual(expectedOrder.map((p) => p.id));
    const page = await listPeople(ctx, { sort: 'next-contact', limit: 5, offset: 3 });
    expect(page.items.map((p) => p.id)).toEqual(expectedOrder.slice(3, 8).map((p) => p.id));
    expect(page.total).toBe(everyone.length);
    const dueBy = addDays(TODAY, 7);
    const due = await listPeople(ctx, { due: 'due' });
    expect(due.items.map((p) => p.id).sort()).toEqual(everyone.filter((p) => p.nextContact && p.nextContact.date <= dueBy).map((p) => p.id).sort());
    const overdue = await listPeople(ctx, { due: 'overdue', limit: 2 });
    expect(overdue.total).toBe(everyone.filter((p) => p.nextContact && p.nextContact.date < TODAY).length);
    const lastFirst = [...byName].sort((a, b) => (a.lastExchangeOn ?? '') > (b.lastExchangeOn ?? '') ? -1 : (a.lastExchangeOn ?? '') < (b.lastExchangeOn ?? '') ? 1 : 0);
    expect((await listPeople(ctx, { sort: 'last-exchange' })).items.map((p) => p.id)).toEqual(lastFirst.map((p) => p.id));
  });

  it('serves search from an index: a trigram index on PostgreSQL (pg_trgm ships with it), the name index carrying the search text on SQLite', async () => {
    if (dialect === 'postgres') {
      const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'people_search_trigram'`.execute(ctx.db);
      expect(rows[0]?.indexdef).toContain('gin_trgm_ops');
    } else {
      const { rows } = await sql<{ name: string }>`select name from pragma_index_info('people_by_name')`.execute(ctx.db);
      expect(rows.map((r) => r.name)).toContain('search_text');
    }
  });

  it('search finds part of any field, accents and case aside, and never across two fields', async () => {
    const zoe = await createPerson(ctx, { name: 'Zoë Ångström-Núñez', organisation: 'Hôpital du Nord', role: 'Physiothérapeute', tags: ['Research'], notes: 'Met at the congress', channels: [{ kind: 'email', value: 'Zoe.A@Example.ORG' }] });
    const found = async (search: string) => (await listPeople(ctx, { search })).items.some((p) => p.id === zoe.id);
    for (const query of ['zoe', 'ZOË', 'angstrom-nu', 'hopital du', 'therapeute', 'research', 'at the cong', 'zoe.a@example', '  núñez  ']) expect(await found(query), query).toBe(true);
    // The name's end and the organisation's start are two fields, not one text.
    expect(await found('nunez hopital')).toBe(false);
    expect(await found('nunez\u001fhopital')).toBe(false);
    expect(await found('100%')).toBe(false);
    await updatePerson(ctx, zoe.id, { organisation: 'Clinique Sud', channelGroups: { emails: [] } });
    expect(await found('hopital')).toBe(false);
    expect(await found('zoe.a@')).toBe(false);
    expect(await found('clinique')).toBe(true);
  });

  it('a restore works them out again (backups leave them out)', async () => {
    const backup = await exportBackup(ctx);
    expect(backup.workspace.people[0]).not.toHaveProperty('nextContactDue');
    expect(backup.workspace.people[0]).not.toHaveProperty('lastExchangeOn');
    const target = (await world.another()).ctx;
    await restoreBackup(target, JSON.parse(JSON.stringify(backup)));
    const restored = await storedAndRecomputed(target);
    expect(restored.stored).toEqual(restored.recomputed);
    expect(restored.stored).toEqual((await storedAndRecomputed(ctx)).stored);
  });
});
