import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { migrationWorld } from '../../test-support/migration-world.js';

const NOW = '2026-11-01T00:00:00.000Z';

/** Each migration that widens the purposes: the purposes stored before it, and those it lets in. */
const WIDENINGS = [
  { migration: '2026-12-03T1500-outreach-purposes', stored: ['interview', 'meet-the-team'], added: ['informational-interview', 'catching-up'] },
  { migration: '2026-12-04T1000-outreach-everyday-purposes', stored: ['catching-up', 'expert-opinion'], added: ['reconnecting', 'thank-you', 'congratulations', 'ask-introduction', 'offer-help'] },
];

const template = (id: string, purpose: string, workspace = 'ws') => ({ id, workspace_id: workspace, purpose, name: `Mine: ${purpose}`, subject: 'Hello {{firstName}}', body: 'Hi,\n\n{{interest}}', created_at: NOW, updated_at: NOW });

/** Templates stored before a widening migration, and the widened check after it. */
describe.each(DIALECTS.flatMap((dialect) => WIDENINGS.map((w) => ({ dialect, ...w }))))('the $migration migration on $dialect', ({ dialect, migration, stored, added }) => {
  const storedRows = stored.map((purpose, i) => template(`tpl_a${i}`, purpose));
  const world = migrationWorld(dialect, migration, async (db) => {
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('outreach_templates').values(storedRows).execute();
    // Before the migration the old check refuses each new purpose.
    for (const purpose of added) await expect(db.insertInto('outreach_templates').values(template(`tpl_early_${purpose}`, purpose)).execute(), purpose).rejects.toThrow(/check/i);
  });

  it('keeps every stored template, field for field', async () => {
    const rows = await world.db.selectFrom('outreach_templates').selectAll().where('id', 'in', storedRows.map((r) => r.id)).orderBy('id').execute();
    // PostgreSQL's driver reads timestamptz as a Date here (no Waggle type parsers on this bare pool).
    const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
    expect(rows.map((r) => ({ ...r, created_at: iso(r.created_at), updated_at: iso(r.updated_at) }))).toEqual(storedRows);
  });

  it('accepts the new purposes and still refuses an unknown one', async () => {
    const addedRows = added.map((purpose, i) => template(`tpl_b${i}`, purpose));
    await world.db.insertInto('outreach_templates').values(addedRows).execute();
    await expect(world.db.insertInto('outreach_templates').values(template('tpl_e', 'gossip')).execute()).rejects.toThrow(/check/i);
    const ids = [...addedRows.map((r) => r.id), 'tpl_e'];
    expect((await world.db.selectFrom('outreach_templates').select('id').where('id', 'in', ids).orderBy('id').execute()).map((r) => r.id)).toEqual(addedRows.map((r) => r.id).sort());
  });

  it('keeps the workspace cascade: removing a workspace removes its templates', async () => {
    // A workspace of this test's own, so the others' rows stay whatever order the tests run in.
    await world.db.insertInto('workspaces').values({ id: 'ws_gone', name: 'gone', created_at: NOW }).execute();
    await world.db.insertInto('outreach_templates').values([template('tpl_gone', 'catching-up', 'ws_gone')]).execute();
    await world.db.deleteFrom('workspaces').where('id', '=', 'ws_gone').execute();
    expect(await world.db.selectFrom('outreach_templates').select('id').where('workspace_id', '=', 'ws_gone').execute()).toEqual([]);
    expect((await world.db.selectFrom('outreach_templates').select('id').where('id', '=', 'tpl_a0').execute()).length).toBe(1);
  });
});
