import { sql } from 'kysely';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../services/context.js';
import { createPerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { dataVersion } from './data-version.js';
import { insertRows, withIndexesRebuilt, type InsertStatements } from './insert-rows.js';

describe.each(DIALECTS)('insertRows on %s', (kind) => {
  // Each test its own database: they count rows and rebuild indexes.
  const world = freshSession(kind, { ids: 'random', per: 'test' });
  it('writes every row as given, batch after batch, a row of another shape included, and counts the write', async () => {
    const { ctx } = world.session;
    const person = await createPerson(ctx, { name: 'Ana Silva' });
    const rows = Array.from({ length: 250 }, (_, position) => ({ personId: person.id, position, kind: position % 2 ? ('birthday' as const) : ('other' as const), label: position % 3 ? `date ${position}` : null, month: (position % 12) + 1, day: (position % 28) + 1, year: position % 5 ? 1950 + position : null }));
    // One row without a label at all (the column's default), in the second batch: that batch goes the ordinary way.
    const { label: _label, ...unlabelled } = rows[150]!;
    const given = [...rows.slice(0, 150), unlabelled, ...rows.slice(151)];
    const before = await dataVersion(ctx.db, ctx.workspaceId);
    const done: number[] = [];
    await insertRows(ctx.db, 'personDates', given, { afterBatch: async (n) => void done.push(n) });
    expect(done).toEqual([100, 200, 250]);
    const stored = await ctx.db.selectFrom('personDates').select(['personId', 'position', 'kind', 'label', 'month', 'day', 'year']).where('personId', '=', person.id).orderBy('position').execute();
    expect(stored).toEqual(rows.map((row, i) => (i === 150 ? { ...row, label: null } : row)));
    if (kind === 'sqlite') expect(await dataVersion(ctx.db, ctx.workspaceId)).not.toBe(before);
  });

  it('writes rows of another column order, or with an inherited key, as given: their batch goes the ordinary way', async () => {
    const { ctx } = world.session;
    const person = await createPerson(ctx, { name: 'Ana Silva' });
    const rows = Array.from({ length: 6 }, (_, position) => ({ personId: person.id, position, kind: 'other' as const, label: `date ${position}`, month: 1, day: position + 1, year: null }));
    const { personId, position, ...rest } = rows[2]!;
    // The same columns in another order, and a row whose prototype holds an enumerable key the statement must not bind.
    const reordered = { position, personId, ...rest };
    const inheriting = Object.assign(Object.create({ note: 'inherited' }) as object, rows[4]);
    await insertRows(ctx.db, 'personDates', [rows[0]!, rows[1]!, reordered, rows[3]!, inheriting, rows[5]!] as typeof rows, { batch: 2 });
    const stored = await ctx.db.selectFrom('personDates').select(['personId', 'position', 'kind', 'label', 'month', 'day', 'year']).where('personId', '=', person.id).orderBy('position').execute();
    expect(stored).toEqual(rows);
  });

  it('refuses a batch whose row breaks a constraint, as a domain error, and writes no part of that batch', async () => {
    const { ctx } = world.session;
    const person = await createPerson(ctx, { name: 'Ana Silva' });
    const rows = Array.from({ length: 3 }, (_, position) => ({ personId: person.id, position: position === 2 ? 0 : position, kind: 'other' as const, label: null, month: 1, day: 1, year: null }));
    await expect(insertRows(ctx.db, 'personDates', rows)).rejects.toMatchObject({ code: 'conflict' });
    expect(await ctx.db.selectFrom('personDates').select('position').where('personId', '=', person.id).execute()).toEqual([]);
  });
});

describe.each(DIALECTS)('insertRows, columns one value in every row, on %s', (kind) => {
  const world = freshSession(kind, { ids: 'random', per: 'suite' });
  const columns = ['personId', 'position', 'kind', 'label', 'month', 'day', 'year'] as const;

  it('stores every row as given, whichever columns hold one value across a batch (SQLite binds those once)', async () => {
    const { ctx } = world.session;
    const person = await createPerson(ctx, { name: 'Ana Silva' });
    // Each column either one value for all rows or its own in each, and the batch size anything from one row up.
    const column = <T>(one: fc.Arbitrary<T>) => fc.oneof(one.map((value) => () => value), fc.constant(null));
    const plan = fc.record({
      count: fc.integer({ min: 1, max: 230 }),
      batch: fc.integer({ min: 1, max: 120 }),
      kind: column(fc.constantFrom('birthday' as const, 'other' as const)),
      label: column(fc.option(fc.string({ maxLength: 12 }), { nil: null })),
      month: column(fc.integer({ min: 1, max: 12 })),
      day: column(fc.integer({ min: 1, max: 28 })),
      year: column(fc.option(fc.integer({ min: 1900, max: 2026 }), { nil: null })),
    });
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        await ctx.db.deleteFrom('personDates').where('personId', '=', person.id).execute();
        const rows = Array.from({ length: p.count }, (_, position) => ({
          personId: person.id,
          position,
          kind: p.kind ? p.kind() : position % 2 ? ('birthday' as const) : ('other' as const),
          label: p.label ? p.label() : position % 3 ? `date ${position}` : null,
          month: p.month ? p.month() : (position % 12) + 1,
          day: p.day ? p.day() : (position % 28) + 1,
          year: p.year ? p.year() : position % 5 ? 1900 + position : null,
        }));
        await insertRows(ctx.db, 'personDates', rows, { batch: p.batch });
        const stored = await ctx.db.selectFrom('personDates').select([...columns]).where('personId', '=', person.id).orderBy('position').execute();
        expect(stored).toEqual(rows);
      }),
      { numRuns: 40 },
    );
  });

  it('writes a batch of rows that share columns as one statement binding those columns once (SQLite), the rest as given', async () => {
    const { ctx } = world.session;
    const person = await createPerson(ctx, { name: 'Rui Costa' });
    const rows = Array.from({ length: 250 }, (_, position) => ({ personId: person.id, position, kind: 'other' as const, label: null, month: 5, day: (position % 28) + 1, year: null }));
    const statements: InsertStatements = new Map();
    await insertRows(ctx.db, 'personDates', rows, { statements });
    const kept = [...statements.values()];
    // Two sizes of batch (100 and 50), each its own statement.
    expect(kept).toHaveLength(2);
    for (const statement of kept) {
      if (kind === 'sqlite') {
        // person_id, kind, label, month and year bound once; position and day once a row.
        expect(statement?.shared).toEqual([0, 2, 3, 4, 6]);
        expect(statement?.sql).toMatch(/ select \?, column1, \?, \?, \?, column2, \? from \(values \(\?, \?\), /);
      } else {
        expect(statement?.shared).toEqual([]);
      }
    }
    const stored = await ctx.db.selectFrom('personDates').select([...columns]).where('personId', '=', person.id).orderBy('position').execute();
    expect(stored).toEqual(rows);
  });

  it('keeps a column of its own for rows the same in every column', async () => {
    const { ctx } = world.session;
    const person = await createPerson(ctx, { name: 'Eva Lopes' });
    // No primary key holds two identical rows: the write counts itself and is refused whole, as any other.
    const same = { personId: person.id, position: 0, kind: 'other' as const, label: null, month: 1, day: 1, year: null };
    await expect(insertRows(ctx.db, 'personDates', [same, { ...same }])).rejects.toMatchObject({ code: 'conflict' });
    expect(await ctx.db.selectFrom('personDates').select('position').where('personId', '=', person.id).execute()).toEqual([]);
  });
});

describe.each(DIALECTS)('withIndexesRebuilt on %s', (kind) => {
  // Each test its own database: one writes into an empty table.
  const world = freshSession(kind, { ids: 'random', per: 'test' });
  const indexesOf = async (ctx: ServiceContext) =>
    kind === 'sqlite'
      ? (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'contact_points' order by name`.execute(ctx.db)).rows
      : (await sql<{ name: string; sql: string }>`select indexname as name, indexdef as sql from pg_indexes where tablename = 'contact_points' order by indexname`.execute(ctx.db)).rows;
  // contact_points has a secondary index (value_key) beside its primary key's.
  const channelsFor = (personId: string, count: number) => Array.from({ length: count }, (_, position) => ({ personId, position, kind: 'email' as const, value: `a${position}@example.org`, valueKey: `a${position}@example.org`, label: null }));

  it('writes a large insert into an empty table and leaves every index as it was, the rows found through them', async () => {
    const { ctx } = world.session;
    const person = await createPerson(ctx, { name: 'Ana Silva' });
    const before = await indexesOf(ctx);
    expect(before.some((index) => /value_key/.test(index.sql ?? ''))).toBe(true);
    await ctx.db.transaction().execute(async (trx) => withIndexesRebuilt(trx, 'contactPoints', 6_000, () => insertRows(trx, 'contactPoints', channelsFor(person.id, 6_000))));
    expect(await indexesOf(ctx)).toEqual(before);
    const counted = await ctx.db.selectFrom('contactPoints').select((eb) => eb.fn.countAll().as('n')).where('personId', '=', person.id).executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(6_000);
  });

  it('rolls the indexes back with the rows when the insert fails half way: none missing, nothing written', async () => {
    const { ctx } = world.session;
    const person = await createPerson(ctx, { name: 'Ana Silva' });
    const before = await indexesOf(ctx);
    // The same position twice breaks the table's primary key in the last batch.
    const rows = [...channelsFor(person.id, 6_000), { ...channelsFor(person.id, 1)[0]! }];
    await expect(ctx.db.transaction().execute(async (trx) => withIndexesRebuilt(trx, 'contactPoints', rows.length, () => insertRows(trx, 'contactPoints', rows)))).rejects.toThrow();
    expect(await indexesOf(ctx)).toEqual(before);
    expect(await ctx.db.selectFrom('contactPoints').select('personId').where('personId', '=', person.id).execute()).toEqual([]);
  });
});
