import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson, listPeople, updatePerson } from '../services/people.js';
import { freshSession } from '../test-support/fresh-session.js';
import { PAGE_ROWS_MAX_BYTES, pageRowsKept, pageRowsWritten, type RowRead } from './page-rows-kept.js';
import type { Database } from './schema.js';

/*
 * People kept between the pages that show them (page-rows-kept.ts): never older than the version
 * they are kept under, the people of a told write read again, everything read again after any
 * other change of version.
 */
describe('people kept for pages, by version', () => {
  // Only the handle's identity matters to what is kept.
  const handle = () => ({}) as Kysely<Database>;
  /** A read that notes what it was asked for and gives each id's value as `${id}@${label}`. */
  const reader = (label: string, asked: string[][], meanwhile?: () => void, bytes = 100) => async (missing: readonly string[]): Promise<RowRead<string>[]> => {
    asked.push([...missing]);
    meanwhile?.();
    return missing.filter((id) => id !== 'gone').map((id) => ({ id, value: `${id}@${label}`, bytes }));
  };

  it('reads only the people not kept, gives them in the order asked, and leaves out one that is not there', async () => {
    const db = handle();
    const asked: string[][] = [];
    expect(await pageRowsKept(db, 'ws', 'v1', ['a', 'b', 'gone'], reader('v1', asked))).toEqual(['a@v1', 'b@v1']);
    expect(await pageRowsKept(db, 'ws', 'v1', ['c', 'b', 'a'], reader('v1b', asked))).toEqual(['c@v1b', 'b@v1', 'a@v1']);
    expect(asked).toEqual([['a', 'b', 'gone'], ['c']]);
  });

  it('drops the people of a told write and keeps the rest under its version; any other version reads everyone again', async () => {
    const db = handle();
    const asked: string[][] = [];
    await pageRowsKept(db, 'ws', 'v1', ['a', 'b', 'c'], reader('v1', asked));
    pageRowsWritten(db, 'ws', ['b'], 'v1', 'v2');
    expect(await pageRowsKept(db, 'ws', 'v2', ['a', 'b', 'c'], reader('v2', asked))).toEqual(['a@v1', 'b@v2', 'c@v1']);
    // v2 → v3 went untold (another write, another process): nothing kept is taken.
    expect(await pageRowsKept(db, 'ws', 'v3', ['a', 'b'], reader('v3', asked))).toEqual(['a@v3', 'b@v3']);
    // A told write from a version other than the one kept: nothing kept can be vouched for.
    pageRowsWritten(db, 'ws', ['a'], 'v7', 'v8');
    expect(await pageRowsKept(db, 'ws', 'v8', ['b'], reader('v8', asked))).toEqual(['b@v8']);
    expect(asked).toEqual([['a', 'b', 'c'], ['b'], ['a', 'b'], ['b']]);
    // Another workspace, another handle: kept apart.
    expect(await pageRowsKept(db, 'other', 'v8', ['b'], reader('o', asked))).toEqual(['b@o']);
    expect(await pageRowsKept(handle(), 'ws', 'v8', ['b'], reader('h', asked))).toEqual(['b@h']);
  });

  it('keeps the workspaces of a handle within one budget, the workspace read longest ago let go first', async () => {
    const db = handle();
    const asked: string[][] = [];
    const third = Math.floor(PAGE_ROWS_MAX_BYTES / 3);
    await pageRowsKept(db, 'a', 'v1', ['a1', 'a2'], reader('v1', asked, undefined, third));
    await pageRowsKept(db, 'b', 'v1', ['b1'], reader('v1', asked, undefined, third));
    // b's person takes the budget past its size: a, read longest ago, goes whole; b stays.
    expect(await pageRowsKept(db, 'b', 'v1', ['b1'], reader('again', asked))).toEqual(['b1@v1']);
    expect(await pageRowsKept(db, 'a', 'v1', ['a1', 'a2'], reader('again', asked))).toEqual(['a1@again', 'a2@again']);
    expect(asked).toEqual([['a1', 'a2'], ['b1'], ['a1', 'a2']]);
  });

  it('does not keep what it read while a write moved the version on, so the next reader reads it again', async () => {
    const db = handle();
    const asked: string[][] = [];
    await pageRowsKept(db, 'ws', 'v1', ['a'], reader('v1', asked));
    // Read under v1 while a told write to b commits (v1 → v2): b as read may be either side of it.
    expect(await pageRowsKept(db, 'ws', 'v1', ['a', 'b'], reader('v1', asked, () => pageRowsWritten(db, 'ws', ['b'], 'v1', 'v2')))).toEqual(['a@v1', 'b@v1']);
    expect(await pageRowsKept(db, 'ws', 'v2', ['a', 'b'], reader('v2', asked))).toEqual(['a@v1', 'b@v2']);
    expect(asked).toEqual([['a'], ['b'], ['b']]);
  });
});

describe('a deep page of people on SQLite, kept between pages', () => {
  const world = freshSession('sqlite', { other: true });
  const page = { limit: 20, offset: 20 };

  beforeAll(async () => {
    for (let i = 0; i < 60; i++) await createPerson(world.session.ctx, { name: `Person ${String(i).padStart(2, '0')}`, notes: 'first' });
  });

  it('hands the next page the same people, read-only, and shows a write to one of them on the next page', async () => {
    const ctx = world.session.ctx;
    const first = (await listPeople(ctx, page)).items;
    const again = (await listPeople(ctx, page)).items;
    expect(again.map((p) => p.id)).toEqual(first.map((p) => p.id));
    // The same objects: kept, not read again.
    again.forEach((person, i) => expect(person).toBe(first[i]));
    expect(Object.isFrozen(again[0])).toBe(true);
    expect(() => {
      (again[0]!.tags as string[]).push('changed');
    }).toThrow(TypeError);
    expect(() => {
      (again[0] as { notes: string | null }).notes = 'changed';
    }).toThrow(TypeError);

    // A told write (an edit of one person's notes): that person read again, the rest still kept.
    const edited = first[3]!;
    await updatePerson(ctx, edited.id, { notes: 'second' });
    const after = (await listPeople(ctx, page)).items;
    expect(after[3]!.notes).toBe('second');
    expect(after[3]).not.toBe(edited);
    after.forEach((person, i) => {
      if (i !== 3) expect(person).toBe(first[i]);
    });
  });

  it('reads every person again after another connection commits, and shows what it wrote', async () => {
    const ctx = world.session.ctx;
    const before = (await listPeople(ctx, page)).items;
    await updatePerson(world.other.ctx, before[5]!.id, { notes: 'from the command line' });
    const after = (await listPeople(ctx, page)).items;
    expect(after[5]!.notes).toBe('from the command line');
    after.forEach((person, i) => expect(person).not.toBe(before[i]));
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
  });
});
