import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { createPerson, getPerson, updatePerson } from './people.js';

/*
 * An edit finds its person by the read it makes first in the editor's workspace (storage/people.ts
 * personBeforeEditRead, on PostgreSQL carried in the write's lock statement): a person of another
 * workspace, or an id nobody has, is not found, and nothing of the edit is written, whatever it
 * names (a note, the name, the channels, the dates).
 */
describe.each(DIALECTS)("editing a person finds them in the editor's workspace alone, on %s", (dialect) => {
  const world = freshSession(dialect, { timeZone: 'Europe/London' });

  it("refuses another workspace's person and an unknown id, and writes nothing", async () => {
    const ctx = world.session.ctx;
    const mine = await createPerson(ctx, { name: 'Private Person', notes: 'kept as is' });
    const other = await workspaceBeside(ctx, 'ws_edit_other');
    const edits = [
      { notes: 'overwritten from elsewhere' },
      { name: 'Renamed Elsewhere' },
      { channels: [{ kind: 'email' as const, value: 'x@example.org' }] },
      { dates: [{ kind: 'birthday' as const, label: null, month: 1, day: 2, year: null }] },
    ];
    for (const edit of edits) {
      await expect(updatePerson(other, mine.id, edit)).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(updatePerson(ctx, 'per_nobody', edit)).rejects.toMatchObject({ name: 'NotFoundError' });
    }
    expect(await getPerson(ctx, mine.id)).toEqual(mine);
    await expect(updatePerson(ctx, mine.id, { notes: 'changed at home' })).resolves.toMatchObject({ notes: 'changed at home' });
  });
});
