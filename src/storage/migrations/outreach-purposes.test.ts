import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../../test-support/databases.js';
import { createSqliteDialect } from '../sqlite.js';
import { migrations } from './index.js';

const NOW = '2026-11-01T00:00:00.000Z';

/** Each migration that widens the purposes: the purposes stored before it, and those it lets in. */
const WIDENINGS = [
  { migration: '2026-12-03T1500-outreach-purposes', stored: ['interview', 'meet-the-team'], added: ['informational-interview', 'catching-up'] },
  { migration: '2026-12-04T1000-outreach-everyday-purposes', stored: ['catching-up', 'expert-opinion'], added: ['reconnecting', 'thank-you', 'congratulations', 'ask-introduction', 'offer-help'] },
];

/** Templates stored before a widening migration, and the widened check after it. */
describe.each(DIALECTS.flatMap((dialect) => WIDENINGS.map((w) => ({ dialect, ...w }))))('the $migration migration on $dialect', ({ dialect, migration, stored, added }) => {
  let db: Kysely<any>;
  let dispose: () => Promise<void>;
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < migration));
  const upTo = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= migration));
  const template = (id: string, purpose: string) => ({ id, workspace_id: 'ws', purpose, name: `Mine: ${purpose}`, subject: 'Hello {{firstName}}', body: 'Hi,\n\n{{interest}}', created_at: NOW, updated_at: NOW });
  const storedRows = stored.map((purpose, i) => template(`tpl_a${i}`, purpose));

  beforeAll(async () => {
    const fresh = await freshDatabase(dialect);
    dispose = fresh.dispose;
    db = new Kysely<any>({
      dialect: fresh.config.kind === 'sqlite' ? createSqliteDialect(join(fresh.config.dataDir, 'waggle.db')) : new PostgresDialect({ pool: new pg.Pool({ connectionString: fresh.config.url, max: 2 }) }),
    });
    const old = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(old.error).toBeUndefined();
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: NOW }).execute();
    await db.insertInto('outreach_templates').values(storedRows).execute();
    // Before the migration the old check refuses each new purpose.
    for (const purpose of added) await expect(db.insertInto('outreach_templates').values(template(`tpl_early_${purpose}`, purpose)).execute(), purpose).rejects.toThrow(/check/i);
    const widened = await new Migrator({ db, provider: { getMigrations: async () => upTo } }).migrateToLatest();
    expect(widened.error).toBeUndefined();
  });
  afterAll(async () => {
    await db.destroy();
    await dispose();
  });

  it('keeps every stored template, field for field', async () => {
    const rows = await db.selectFrom('outreach_templates').selectAll().orderBy('id').execute();
    // PostgreSQL's driver reads timestamptz as a Date here (no Waggle type parsers on this bare pool).
    const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
    expect(rows.map((r) => ({ ...r, created_at: iso(r.created_at), updated_at: iso(r.updated_at) }))).toEqual(storedRows);
  });

  it('accepts the new purposes and still refuses an unknown one', async () => {
    await db.insertInto('outreach_templates').values(added.map((purpose, i) => template(`tpl_b${i}`, purpose))).execute();
    await expect(db.insertInto('outreach_templates').values(template('tpl_e', 'gossip')).execute()).rejects.toThrow(/check/i);
    expect((await db.selectFrom('outreach_templates').select('id').execute()).length).toBe(stored.length + added.length);
  });

  it('keeps the workspace cascade: removing the workspace removes its templates', async () => {
    await db.deleteFrom('workspaces').where('id', '=', 'ws').execute();
    expect(await db.selectFrom('outreach_templates').select('id').execute()).toEqual([]);
  });
});
