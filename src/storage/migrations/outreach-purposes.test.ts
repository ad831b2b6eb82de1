import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { migrationWorld } from '../../test-support/migration-world.js';

const PURPOSES = '2026-12-03T1500-outreach-purposes';
const NOW = '2026-11-01T00:00:00.000Z';

const template = (id: string, purpose: string, workspace = 'ws') => ({ id, workspace_id: workspace, purpose, name: `Mine: ${purpose}`, subject: 'Hello {{firstName}}', body: 'Hi,\n\n{{interest}}', created_at: NOW, updated_at: NOW });

/** A template stored before the new purposes existed, and the widened check after the migration. */
describe.each(DIALECTS)('the outreach-purposes migration on %s', (dialect) => {
  const world = migrationWorld(dialect, PURPOSES, async (db) => {
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('outreach_templates').values([template('tpl_a', 'interview'), template('tpl_b', 'meet-the-team')]).execute();
    // Before the migration the old check refuses the new purposes.
    await expect(db.insertInto('outreach_templates').values(template('tpl_early', 'catching-up')).execute()).rejects.toThrow(/check/i);
  });

  it('keeps every stored template, field for field', async () => {
    const rows = await world.db.selectFrom('outreach_templates').selectAll().where('id', 'in', ['tpl_a', 'tpl_b']).orderBy('id').execute();
    // PostgreSQL's driver reads timestamptz as a Date here (no Waggle type parsers on this bare pool).
    const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
    expect(rows.map((r) => ({ ...r, created_at: iso(r.created_at), updated_at: iso(r.updated_at) }))).toEqual([template('tpl_a', 'interview'), template('tpl_b', 'meet-the-team')]);
  });

  it('accepts the new purposes and still refuses an unknown one', async () => {
    await world.db.insertInto('outreach_templates').values([template('tpl_c', 'informational-interview'), template('tpl_d', 'catching-up')]).execute();
    await expect(world.db.insertInto('outreach_templates').values(template('tpl_e', 'gossip')).execute()).rejects.toThrow(/check/i);
    expect((await world.db.selectFrom('outreach_templates').select('id').where('id', 'in', ['tpl_c', 'tpl_d', 'tpl_e']).orderBy('id').execute()).map((r) => r.id)).toEqual(['tpl_c', 'tpl_d']);
  });

  it('keeps the workspace cascade: removing a workspace removes its templates', async () => {
    // A workspace of this test's own, so the others' rows stay whatever order the tests run in.
    await world.db.insertInto('workspaces').values({ id: 'ws_gone', name: 'gone', created_at: NOW }).execute();
    await world.db.insertInto('outreach_templates').values([template('tpl_gone', 'catching-up', 'ws_gone')]).execute();
    await world.db.deleteFrom('workspaces').where('id', '=', 'ws_gone').execute();
    expect(await world.db.selectFrom('outreach_templates').select('id').where('workspace_id', '=', 'ws_gone').execute()).toEqual([]);
    expect((await world.db.selectFrom('outreach_templates').select('id').where('id', '=', 'tpl_a').execute()).length).toBe(1);
  });
});
