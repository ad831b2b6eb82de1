import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { compiledOnce } from './compiled-once.js';
import { dataVersion, listingVersion } from './data-version.js';

/*
 * A statement compiled once (compiled-once.ts) runs with each call's values, one text per list
 * length, counts its writes as any write is counted (the kept answers' versions rest on it), and
 * refuses, as it is first compiled, a statement that would take a value into its text.
 */
describe.each(DIALECTS)('statements compiled once, on %s', (dialect) => {
  const world = freshSession(dialect);
  const namesOf = compiledOnce((db, v: { workspaceId: string; ids: readonly string[] }) =>
    db.selectFrom('people').select(['id', 'name']).where('workspaceId', '=', v.workspaceId).where('id', 'in', [...v.ids]).orderBy('id'),
  );
  const renamed = compiledOnce((db, v: { workspaceId: string; id: string; notes: string | null }) =>
    db.updateTable('people').set({ notes: v.notes }).where('workspaceId', '=', v.workspaceId).where('id', '=', v.id),
  );

  it("runs with each call's values, whatever the lists' lengths, in the caller's workspace alone", async () => {
    const ctx = world.session.ctx;
    const [ana, bo, cy] = [await createPerson(ctx, { name: 'Ana' }), await createPerson(ctx, { name: 'Bo' }), await createPerson(ctx, { name: 'Cy' })];
    expect((await namesOf(ctx.db, { workspaceId: ctx.workspaceId, ids: [ana!.id] })).rows).toEqual([{ id: ana!.id, name: 'Ana' }]);
    expect((await namesOf(ctx.db, { workspaceId: ctx.workspaceId, ids: [cy!.id] })).rows).toEqual([{ id: cy!.id, name: 'Cy' }]);
    const both = [bo!, cy!].sort((a, b) => (a.id < b.id ? -1 : 1)).map((p) => ({ id: p.id, name: p.name }));
    expect((await namesOf(ctx.db, { workspaceId: ctx.workspaceId, ids: [cy!.id, bo!.id] })).rows).toEqual(both);
    expect((await namesOf(ctx.db, { workspaceId: 'ws_elsewhere', ids: [ana!.id] })).rows).toEqual([]);
  });

  it('counts each write it runs, so the data version and the listings that read what it wrote move on', async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Dee' });
    for (const notes of ['first', null, 'third']) {
      const before = await dataVersion(ctx.db, ctx.workspaceId);
      const listingBefore = await listingVersion(ctx.db, ctx.workspaceId, ['people.notes']);
      const result = await renamed(ctx.db, { workspaceId: ctx.workspaceId, id: person.id, notes });
      expect(Number(result.numAffectedRows)).toBe(1);
      expect(await dataVersion(ctx.db, ctx.workspaceId)).not.toBe(before);
      if (dialect === 'sqlite') expect(await listingVersion(ctx.db, ctx.workspaceId, ['people.notes'])).not.toBe(listingBefore);
      const stored = await ctx.db.selectFrom('people').select('notes').where('id', '=', person.id).executeTakeFirstOrThrow();
      expect(stored.notes).toBe(notes);
    }
  });

  it('keeps one text for each set of values given: an edit of other columns is not run as the first one', async () => {
    const ctx = world.session.ctx;
    const person = await createPerson(ctx, { name: 'Eve', notes: 'her notes', role: 'Founder' });
    const edit = compiledOnce((db, v: { id: string; notes?: string; role?: string }) => {
      const { id, ...columns } = v;
      return db.updateTable('people').set(columns).where('id', '=', id);
    });
    await edit(ctx.db, { id: person.id, notes: 'new notes' });
    await edit(ctx.db, { id: person.id, role: 'Investor' });
    const stored = await ctx.db.selectFrom('people').select(['notes', 'role']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ notes: 'new notes', role: 'Investor' });
  });

  it('refuses a statement whose text would hold a value, as it is first compiled', async () => {
    const ctx = world.session.ctx;
    const inlined = compiledOnce((db, v: { name: string }) => db.selectFrom('people').select('id').where('name', '=', sql.lit(v.name)));
    await expect(inlined(ctx.db, { name: 'Ana' })).rejects.toThrow(/wrote a value into its text/);
    const dropped = compiledOnce((db, v: { name: string; unused: string }) => db.selectFrom('people').select('id').where('name', '=', v.name));
    await expect(dropped(ctx.db, { name: 'Ana', unused: 'x' })).rejects.toThrow(/left a value out of its parameters \(unused\)/);
  });
});
