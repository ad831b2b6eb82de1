import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * On PostgreSQL the workspace's data version (2026-12-05T1000) was one counter row, moved by every
 * statement that writes the workspace's data, in the writer's transaction: the row stays locked
 * from a write's first statement to its commit, so every write to a workspace waited for the one
 * before to commit, whoever it wrote to. Under the mixed bench (50 clients, one write in ten) a
 * write held the row for a dozen round trips, writes went one at a time at ~18 a second, and the
 * clients waiting on them left the reads at ~9 times that.
 *
 * Now a workspace has a counter row per shard, and a statement moves the row of its connection's
 * shard (`waggle.version_shard`, set by the server's pool on each connection it opens,
 * storage/postgres.ts; 0 for any other connection, the command line's): writes on different
 * connections no longer wait for each other at the database. The version is every shard's counter
 * and last writer, read together (storage/data-version.ts), so any commit on any shard moves it on.
 */
const SHARD = `coalesce(nullif(current_setting('waggle.version_shard', true), '')::smallint, 0)`;

type Rows = 'old_rows' | 'new_rows';
/** The trigger function that moves the counter of each workspace `workspaceIds` names in a statement's rows: per shard, or (down) one row a workspace. */
function bumpFunction(name: string, workspaceIds: (rows: Rows) => string, sharded: boolean) {
  const [columns, value, key] = sharded ? ['workspace_id, shard, version', `w.workspace_id, ${SHARD}, 1`, 'workspace_id, shard'] : ['workspace_id, version', 'w.workspace_id, 1', 'workspace_id'];
  const upsert = (rows: Rows) => `insert into workspace_data_versions as v (${columns}) select distinct ${value} from (${workspaceIds(rows)}) w
          on conflict (${key}) do update set version = v.version + 1;`;
  return sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        ${upsert('old_rows')}
      else
        ${upsert('new_rows')}
      end if;
      return null;
    end $$`);
}
const OF_WORKSPACE_ROWS = (rows: Rows) => `select workspace_id from ${rows}`;
const OF_PERSON_ROWS = (rows: Rows) => `select p.workspace_id from ${rows} r join people p on p.id = r.person_id`;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`alter table workspace_data_versions add column shard smallint not null default 0`.execute(db);
  await sql`alter table workspace_data_versions drop constraint workspace_data_versions_pkey`.execute(db);
  await sql`alter table workspace_data_versions add primary key (workspace_id, shard)`.execute(db);
  // The same triggers (2026-12-05T1000) call these by name: replacing the bodies is enough.
  await bumpFunction('bump_workspace_data_version', OF_WORKSPACE_ROWS, true).execute(db);
  await bumpFunction('bump_person_workspace_data_version', OF_PERSON_ROWS, true).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // One row a workspace again, its counter the sum of its shards': still moved on by every write since.
  await sql`create table workspace_data_versions_one as select workspace_id, sum(version)::bigint as version from workspace_data_versions group by workspace_id`.execute(db);
  await sql`drop table workspace_data_versions`.execute(db);
  await sql`alter table workspace_data_versions_one rename to workspace_data_versions`.execute(db);
  await sql`alter table workspace_data_versions alter column version set not null, add primary key (workspace_id)`.execute(db);
  await bumpFunction('bump_workspace_data_version', OF_WORKSPACE_ROWS, false).execute(db);
  await bumpFunction('bump_person_workspace_data_version', OF_PERSON_ROWS, false).execute(db);
}
