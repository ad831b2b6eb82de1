import { describe, expect, it } from 'vitest';
import { createPerson, listPeople } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { selectWholeList } from './people-whole-list.js';
import { PERSON_COLUMNS, personColumnsFrom } from './person-columns.js';

/*
 * The whole list (what the check and the exports read) is read on SQLite as JSON built by
 * the database (people-whole-list.ts): whatever a person's text holds must come back as it
 * was written, and the same as the listing's own rows give it.
 */
const HOSTILE = 'Zoë "Q" O\'Brien \\ back\tslash\nnew line \u2028 sep ☕ 😀 e\u0301 {"a":[1]} null';

describe('a person\'s columns from their values', () => {
  it('names each value by its place in PERSON_COLUMNS, the order the whole list selects them in', () => {
    const keys = Object.keys(PERSON_COLUMNS);
    const row = personColumnsFrom(keys);
    expect(Object.keys(row)).toEqual(keys);
    for (const key of keys) expect(row[key as keyof typeof row]).toBe(key);
  });
});

describe.each(DIALECTS)('the whole people list, on %s', (dialect) => {
  // A database per test: 'empty' means empty whatever ran before.
  const world = freshSession(dialect, { per: 'test' });

  it('is empty for a workspace with no people', async () => {
    expect(await selectWholeList(world.session.ctx.db, world.session.ctx.workspaceId)).toEqual([]);
  });

  it('gives back text that JSON must escape, numbers, flags, nulls and channels exactly, in the name order', async () => {
    const hostile = await createPerson(world.session.ctx, {
      name: HOSTILE,
      organisation: HOSTILE,
      role: 'Ärztin',
      notes: `${HOSTILE}\n\n${'long '.repeat(2000)}`,
      tags: ['a,b', 'quote"d', '😀'],
      strength: 5,
      importance: 3,
      knowAndLike: true,
      canHelp: true,
      canHelpHow: HOSTILE,
      lostJobList: true,
      cadence: 'monthly',
      nextContactOn: '2026-12-01',
      channels: [
        { kind: 'email', value: 'zoe+"q"@example.org', label: HOSTILE },
        { kind: 'phone', value: '+44 20 7946 0000' },
      ],
    });
    const plain = await createPerson(world.session.ctx, { name: 'Abe Plain' });
    const whole = await selectWholeList(world.session.ctx.db, world.session.ctx.workspaceId);
    expect(whole.map((p) => p.id)).toEqual([plain.id, hostile.id]);
    expect(whole[1]).toEqual(hostile);
    expect(whole[0]).toEqual(plain);
    expect(whole[0]?.familyName).toBeNull();
    // The same people as a page of everyone, read row by row by the listing's query.
    expect(whole).toEqual((await listPeople(world.session.ctx, { sort: 'name', limit: 100 })).items);
  });
});
