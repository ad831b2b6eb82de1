import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPerson, getPerson } from '../services/people.js';
import { freshSession } from '../test-support/fresh-session.js';
import { personBeforeEditRead, personBeforeEditRows, updatePersonRow } from './people.js';

/*
 * A person's edit of one field kept prepared on PostgreSQL (people.ts, updatePersonRow): planned for any values
 * once, where it was planned anew inside the workspace's lock on every edit; an edit of more fields is not named,
 * so that the sets of fields people edit cannot take every name a connection keeps.
 */
describe('an edit of one field kept prepared on PostgreSQL', () => {
  const world = freshSession('postgres');

  it('names the edit of one field, not of several, and each edit writes what it says', async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Ada Edited' });
    const kept = await ctx.db.connection().execute(async (db) => {
      const before = async () => personBeforeEditRows((await db.executeQuery(personBeforeEditRead(db, ctx.workspaceId, person.id))).rows as never)[0]!;
      const edit = async (changes: Parameters<typeof updatePersonRow>[3], id = person.id) => updatePersonRow(db, ctx.workspaceId, id, changes, await before());
      for (const note of ['first', 'second', 'third']) expect(await edit({ notes: note, updatedAt: '2026-12-01T10:00:00.000Z' })).toBe(true);
      expect(await edit({ notes: 'last', role: 'Surgeon', updatedAt: '2026-12-01T11:00:00.000Z' })).toBe(true);
      // Nobody by that id: nothing written, and it says so.
      expect(await edit({ notes: 'x', updatedAt: '2026-12-01T12:00:00.000Z' }, 'per_nobody')).toBe(false);
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
      return rows.map((row) => row.statement).filter((text) => text.startsWith('update "people"'));
    });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain('"notes" = $1');
    expect(kept[0]).not.toContain('"role"');
    const after = await getPerson(ctx, person.id);
    expect(after).toMatchObject({ notes: 'last', role: 'Surgeon' });
  });
});
