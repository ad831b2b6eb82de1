import { CamelCasePlugin, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { migrationWorld } from '../../test-support/migration-world.js';

const NEEDS = '2026-12-01T1000-goal-needs';

/** A goal stored before needs existed (with `areas`), brought up to date by the migration. */
describe.each(DIALECTS)('the goal-needs migration on %s', (dialect) => {
  const world = migrationWorld(dialect, NEEDS, async (db) => {
    const now = '2026-11-01T00:00:00.000Z';
    await db.insertInto('workspaces').values({ id: 'ws', name: 'me', created_at: now }).execute();
    await db.insertInto('goals').values({ id: 'g1', workspace_id: 'ws', statement: 'Start a doctorate', areas: JSON.stringify(['supervisor', 'funding', 'Funding', ' ']), status: 'active', created_at: now, updated_at: now }).execute();
    await db.insertInto('goals').values({ id: 'g2', workspace_id: 'ws', statement: 'Lead a team', areas: '[]', status: 'active', created_at: now, updated_at: now }).execute();
    await db.insertInto('people').values({ id: 'p1', workspace_id: 'ws', name: 'Ana', name_key: 'ana', tags: '[]', strength: 3, importance: 3, know_and_like: 0, can_help: 0, stage: 'met', lost_job_list: 0, source: 'manual', added_on: '2026-11-01', created_at: now, updated_at: now }).execute();
    await db.insertInto('person_goals').values({ workspace_id: 'ws', goal_id: 'g1', person_id: 'p1', relevance: 4 }).execute();
  });

  it('turns each distinct area into a need, none essential, in order, and drops the areas', async () => {
    const goals = await world.db.selectFrom('goals').select(['id', 'needs']).orderBy('id').execute();
    expect(goals.map((g) => [g.id, JSON.parse(g.needs as string)])).toEqual([
      ['g1', [{ id: 'need_1', name: 'supervisor', essential: false }, { id: 'need_2', name: 'funding', essential: false }]],
      ['g2', []],
    ]);
    const columns = dialect === 'sqlite' ? (await sql<{ name: string }>`select name from pragma_table_info('goals')`.execute(world.db)).rows : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'goals'`.execute(world.db)).rows;
    expect(columns.map((c) => c.name)).not.toContain('areas');
  });

  it('keeps every existing link, serving the goal as a whole', async () => {
    const links = await world.db.withPlugin(new CamelCasePlugin()).selectFrom('personGoals').selectAll().execute();
    expect(links).toEqual([expect.objectContaining({ goalId: 'g1', personId: 'p1', relevance: 4, serves: '[]' })]);
  });
});
