import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '../services/context.js';
import { createPerson, listPeople } from '../services/people.js';
import { openSession, type Session } from '../services/session.js';
import { DIALECTS, freshDatabase } from '../test-support/databases.js';
import { selectWholeList } from './people-whole-list.js';

/*
 * The whole list (what the check and the exports read) is read on SQLite as JSON built by
 * the database (people-whole-list.ts): whatever a person's text holds must come back as it
 * was written, and the same as the listing's own rows give it.
 */
const HOSTILE = 'Zoë "Q" O\'Brien \\ back\tslash\nnew line \u2028 sep ☕ 😀 e\u0301 {"a":[1]} null';

describe.each(DIALECTS)('the whole people list, on %s', (dialect) => {
  let session: Session;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    dispose = db.dispose;
    session = await openSession(db.config, { clock: { now: () => new Date('2026-11-22T10:00:00Z') }, ids: sequentialIds(), defaultTimeZone: 'UTC' });
  });
  afterAll(async () => {
    await session.close();
    await dispose();
  });

  it('is empty for a workspace with no people', async () => {
    expect(await selectWholeList(session.ctx.db, session.ctx.workspaceId)).toEqual([]);
  });

  it('gives back text that JSON must escape, numbers, flags, nulls and channels exactly, in the name order', async () => {
    const hostile = await createPerson(session.ctx, {
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
    const plain = await createPerson(session.ctx, { name: 'Abe Plain' });
    const whole = await selectWholeList(session.ctx.db, session.ctx.workspaceId);
    expect(whole.map((p) => p.id)).toEqual([plain.id, hostile.id]);
    expect(whole[1]).toEqual(hostile);
    expect(whole[0]).toEqual(plain);
    expect(whole[0]?.familyName).toBeNull();
    // The same people as a page of everyone, read row by row by the listing's query.
    expect(whole).toEqual((await listPeople(session.ctx, { sort: 'name', limit: 100 })).items);
  });
});
