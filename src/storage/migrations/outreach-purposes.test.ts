import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../../test-support/databases.js';
import { createSqliteDialect } from '../sqlite.js';
import { migrations } from './index.js';

const PURPOSES = '2026-12-03T1500-outreach-purposes';
const NOW = '2026-11-01T00:00:00.000Z';

/** A template stored before the new purposes existed, and the widened check after the migration. */
describe.each(DIALECTS)('the outreach-purposes migration on %s', (dialect) => {
  let db: Kysely<any>;
  let dispose: () => Promise<void>;
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < PURPOSES));
  const template = (id: string, purpose: string) => ({ id, workspace_id: 'ws', purpose, name: `Mine: ${purpose}`, subject: 'Hello {{firstName}}', body: 'Hi,\n\n{{interest}}', created_at: NOW, updated_at: NOW });

  beforeAll(async () => {
    const fresh = await freshDatabase(dialect);
    dispose = fresh.dispose;
    db = new Kysely<any>({
      dialect: fresh.config.kind === 'sqlite' ? createSqliteDialect(join(fresh.config.dataDir, 'waggle.db')) : new PostgresDialect({ pool: new pg.Pool({ connectionString: fresh.config.url, max: 2 }) }),
    });
    const old = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(old.error).toBeUndefined();
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('outreach_templates').values([template('tpl_a', 'interview'), template('tpl_b', 'meet-the-team')]).execute();
    // Before the migration the old check refuses the new purposes.
    await expect(db.insertInto('outreach_templates').values(template('tpl_early', 'catching-up')).execute()).rejects.toThrow(/check/i);
    const all = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    expect(all.error).toBeUndefined();
  });
  afterAll(async () => {
    await db.destroy();
    await dispose();
  });

  it('keeps every stored template, field for field', async () => {
    const rows = await db.selectFrom('outreach_templates').selectAll().orderBy('id').execute();
    // PostgreSQL's driver reads timestamptz as a Date here (no Waggle type parsers on this bare pool).
    const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
    expect(rows.map((r) => ({ ...r, created_at: iso(r.created_at), updated_at: iso(r.updated_at) }))).toEqual([template('tpl_a', 'interview'), template('tpl_b', 'meet-the-team')]);
  });

  it('accepts the new purposes and still refuses an unknown one', async () => {
    await db.insertInto('outreach_templates').values([template('tpl_c', 'informational-interview'), template('tpl_d', 'catching-up')]).execute();
    await expect(db.insertInto('outreach_templates').values(template('tpl_e', 'gossip')).execute()).rejects.toThrow(/check/i);
    expect((await db.selectFrom('outreach_templates').select('id').execute()).length).toBe(4);
  });

  it('keeps the workspace cascade: removing the workspace removes its templates', async () => {
    await db.deleteFrom('workspaces').where('id', '=', 'ws').execute();
    expect(await db.selectFrom('outreach_templates').select('id').execute()).toEqual([]);
  });
});
