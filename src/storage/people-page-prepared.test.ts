import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonFilter, PersonSort } from '../contract/filters.js';
import { createPerson, updatePerson } from '../services/people.js';
import { freshSession } from '../test-support/fresh-session.js';
import { pagePlannedAlike, selectPeople } from './people-list.js';

/*
 * Which first pages PostgreSQL keeps prepared with one plan for any of their values (people-list.ts
 * pagePlannedAlike): only those whose walk is the same whatever the values; a filter whose best walk
 * depends on its value (the due filter in the name order) is planned on every request.
 */
describe('a first page planned once for any of its values', () => {
  const cases: [PersonFilter, PersonSort, boolean][] = [
    [{ limit: 50 }, 'name', true],
    [{ limit: 50, networkId: 'net_1' }, 'name', true],
    [{ limit: 50, cursor: { sort: 'next-contact', key: '2026-12-01', sortName: 'ana', id: 'per_1' } }, 'next-contact', true],
    [{ limit: 50, cursor: { sort: 'name', key: null, sortName: 'ana', id: 'per_1' }, networkId: 'net_1' }, 'name', false],
    [{ limit: 50, stage: 'met' }, 'name', true],
    [{ limit: 50, category: 'none' }, 'name', true],
    [{ limit: 50, source: 'linkedin' }, 'name', true],
    [{ limit: 50, stage: 'met' }, 'strength', false],
    [{ limit: 50, stage: 'met', source: 'linkedin' }, 'name', false],
    [{ limit: 50, due: 'due' }, 'next-contact', true],
    [{ limit: 50, dueBy: '2026-12-31' }, 'next-contact', true],
    [{ limit: 50, due: 'due' }, 'name', false],
    [{ limit: 50, search: 'ana' }, 'name', false],
    [{ limit: 50, tag: 'x' }, 'name', false],
    [{ limit: 50, unjudged: true }, 'name', false],
    [{ limit: 50, quadrant: 'strengthen' }, 'name', false],
  ];
  it.each(cases)('%j in the %s order: %s', (filter, sort, alike) => {
    expect(pagePlannedAlike({ ...filter, sort }, sort)).toBe(alike);
  });
});

describe('first pages kept prepared on PostgreSQL', () => {
  const world = freshSession('postgres');
  const today = '2026-11-22';

  beforeAll(async () => {
    for (let i = 0; i < 30; i++) {
      const person = await createPerson(world.session.ctx, { name: `Person ${String(i).padStart(2, '0')}`, nextContactOn: `2026-11-${String(10 + (i % 20)).padStart(2, '0')}` });
      if (i % 3 === 0) await updatePerson(world.session.ctx, person.id, { stage: 'met' });
    }
  });

  it('names the walk of one stage in the name order and of a due date in the next-contact order, not the due filter in the name order', async () => {
    const ctx = world.session.ctx;
    // One connection for the reads and the look at what it keeps prepared (PostgreSQL keeps them per connection).
    const named = await ctx.db.connection().execute(async (db) => {
      for (const stage of ['met', 'dormant', 'to-meet'] as const) await selectPeople(db, ctx.workspaceId, today, { limit: 10, stage });
      await selectPeople(db, ctx.workspaceId, today, { limit: 10, sort: 'next-contact', due: 'due' });
      await selectPeople(db, ctx.workspaceId, today, { limit: 10, sort: 'name', due: 'overdue' });
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
      return rows.map((row) => row.statement).filter((text) => text.startsWith('with o as'));
    });
    expect(named.some((text) => text.includes('"people"."stage" = $2') && text.includes('limit 11'))).toBe(true);
    expect(named.some((text) => text.includes('order by coalesce(people.next_contact_due') && text.includes('<= $2'))).toBe(true);
    // The due filter walked in the name order: planned for each date.
    expect(named.some((text) => text.includes('< $2 order by "people"."sort_name"'))).toBe(false);
    // The page's length is in the text (one more than the page: whether a next page follows), not a value: a plan for any value then costs this length's walk.
    expect(named.every((text) => !/limit \$\d/.test(text))).toBe(true);
  });

  it('keeps people read by their ids alone prepared, and one person by a plan for any id once PostgreSQL has tried a few', async () => {
    const ctx = world.session.ctx;
    const everyone = await selectPeople(ctx.db, ctx.workspaceId, today, { limit: 5 });
    const [first, second] = everyone.items;
    const kept = await ctx.db.connection().execute(async (db) => {
      // PostgreSQL plans a prepared statement for its values five times before it weighs a plan for any values.
      for (let run = 0; run < 8; run++) expect((await selectPeople(db, ctx.workspaceId, today, { ids: [first!.id] })).items.map((p) => p.id)).toEqual([first!.id]);
      expect((await selectPeople(db, ctx.workspaceId, today, { ids: [second!.id, first!.id] })).items.map((p) => p.name)).toEqual([first!.name, second!.name]);
      const { rows } = await sql<{ statement: string; generic: number }>`select statement, generic_plans as generic from pg_prepared_statements`.execute(db);
      return rows.filter((row) => row.statement.startsWith('select "people".* from "people"'));
    });
    const one = kept.find((row) => row.statement.includes('"people"."id" = $2'));
    expect(one, 'one person read by a named statement').toBeDefined();
    expect(Number(one!.generic)).toBeGreaterThan(0);
    expect(kept.some((row) => row.statement.includes('"people"."id" = any($2)')), 'several read by another').toBe(true);
  });

  it('reads the same pages prepared as unprepared', async () => {
    const ctx = world.session.ctx;
    const met = await selectPeople(ctx.db, ctx.workspaceId, today, { limit: 10, stage: 'met' });
    expect(met.items.map((p) => p.name)).toEqual(['Person 00', 'Person 03', 'Person 06', 'Person 09', 'Person 12', 'Person 15', 'Person 18', 'Person 21', 'Person 24', 'Person 27']);
    const due = await selectPeople(ctx.db, ctx.workspaceId, today, { limit: 5, sort: 'next-contact', due: 'overdue' });
    expect(due.items.map((p) => p.nextContactOn)).toEqual(['2026-11-10', '2026-11-10', '2026-11-11', '2026-11-11', '2026-11-12']);
  });
});
