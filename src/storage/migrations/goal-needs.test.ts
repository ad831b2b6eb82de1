import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../../test-support/databases.js';
import { createSqliteDialect } from '../sqlite.js';
import { migrations } from './index.js';

const NEEDS = '2026-12-01T1000-goal-needs';

/** A goal stored before needs existed (with `areas`), brought up to date by the migration. */
describe.each(DIALECTS)('the goal-needs migration on %s', (dialect) => {
  let db: Kysely<any>;
  let dispose: () => Promise<void>;
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < NEEDS));

  beforeAll(async () => {
    const fresh = await freshDatabase(dialect);
    dispose = fresh.dispose;
    db = new Kysely<any>({
      dialect: fresh.config.kind === 'sqlite' ? createSqliteDialect(join(fresh.config.dataDir, 'waggle.db')) : new PostgresDialect({ pool: new pg.Pool({ connectionString: fresh.config.url, max: 2 }) }),
    });
    const old = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(old.error).toBeUndefined();
    const now = '2026-11-01T00:00:00.000Z';
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: now }).execute();
    await db.insertInto('goals').values({ id: 'g1', workspace_id: 'ws', statement: 'Start a doctorate', areas: JSON.stringify(['supervisor', 'funding', 'Funding', ' ']), status: 'active', created_at: now, updated_at: now }).execute();
    await db.insertInto('goals').values({ id: 'g2', workspace_id: 'ws', statement: 'Lead a team', areas: '[]', status: 'active', created_at: now, updated_at: now }).execute();
    await db.insertInto('people').values({ id: 'p1', workspace_id: 'ws', name: 'Ana', name_key: 'ana', tags: '[]', strength: 3, importance: 3, know_and_like: 0, can_help: 0, stage: 'met', lost_job_list: 0, source: 'manual', added_on: '2026-11-01', created_at: now, updated_at: now }).execute();
    await db.insertInto('person_goals').values({ workspace_id: 'ws', goal_id: 'g1', person_id: 'p1', relevance: 4 }).execute();
    const all = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    expect(all.error).toBeUndefined();
  });
  afterAll(async () => {
    await db.destroy();
    await dispose();
  });

  it('turns each distinct area into a need, none essential, in order, and drops the areas', async () => {
    const goals = await db.selectFrom('goals').select(['id', 'needs']).orderBy('id').execute();
    expect(goals.map((g) => [g.id, JSON.parse(g.needs as string)])).toEqual([
      ['g1', [{ id: 'need_1', name: 'supervisor', essential: false }, { id: 'need_2', name: 'funding', essential: false }]],
      ['g2', []],
    ]);
    const columns = dialect === 'sqlite' ? (await sql<{ name: string }>`select name from pragma_table_info('goals')`.execute(db)).rows : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'goals'`.execute(db)).rows;
    expect(columns.map((c) => c.name)).not.toContain('areas');
  });

  it('keeps every existing link, serving the goal as a whole', async () => {
    const links = await db.withPlugin(new CamelCasePlugin()).selectFrom('personGoals').selectAll().execute();
    expect(links).toEqual([expect.objectContaining({ goalId: 'g1', personId: 'p1', relevance: 4, serves: '[]' })]);
  });
});
