import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * On PostgreSQL, a counter per workspace that every statement writing the data the
 * network check reads moves on, in the writer's own transaction, so that the check
 * kept for one version of a workspace's data is kept until that data changes, and no
 * longer (storage/data-version.ts). The snapshot id used before changed with every
 * transaction in the cluster that took a transaction id: autovacuum's analyses after
 * a bulk load, another workspace's writes, a session's last-seen time; each threw the
 * kept check away (at 5,000 people the summary took 5.4 s instead of 34 ms).
 *
 * Statement-level triggers with transition tables: one bump per statement and
 * workspace, not per row. SQLite needs none of it: its `data_version` and the
 * process's own count of writes serve (there is one writer at a time anyway).
 * Frozen once shipped.
 */

/**
 * Every table holding a workspace's data, by its workspace_id: what the check reads
 * (services/check.ts loadSnapshot) and what the API's kept answers show (follow-ups in
 * due, plan targets, templates, share links, captured items). Not sessions, tokens,
 * invitations or sign-in failures: written on every request or sign-in, never shown in a
 * kept answer (storage/data-version-triggers.test.ts holds the list to the schema).
 */
const WORKSPACE_TABLES = ['profiles', 'people', 'networks', 'memberships', 'goals', 'person_goals', 'network_goals', 'ties', 'exchanges', 'exchange_people', 'introductions', 'follow_ups', 'plan_targets', 'outreach_templates', 'share_tokens', 'captured_items'];
/** A person's own parts, found by person_id: a person's page and due show them. */
const PERSON_TABLES = ['contact_points', 'person_dates', 'person_photos'];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create table workspace_data_versions (workspace_id text primary key, version bigint not null)`.execute(db);
  await sql`create function bump_workspace_data_version() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        insert into workspace_data_versions as v (workspace_id, version) select distinct workspace_id, 1 from old_rows
          on conflict (workspace_id) do update set version = v.version + 1;
      else
        insert into workspace_data_versions as v (workspace_id, version) select distinct workspace_id, 1 from new_rows
          on conflict (workspace_id) do update set version = v.version + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create function bump_person_workspace_data_version() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        insert into workspace_data_versions as v (workspace_id, version) select distinct p.workspace_id, 1 from old_rows r join people p on p.id = r.person_id
          on conflict (workspace_id) do update set version = v.version + 1;
      else
        insert into workspace_data_versions as v (workspace_id, version) select distinct p.workspace_id, 1 from new_rows r join people p on p.id = r.person_id
          on conflict (workspace_id) do update set version = v.version + 1;
      end if;
      return null;
    end $$`.execute(db);
  for (const table of PERSON_TABLES) {
    const t = sql.table(table);
    await sql`create trigger data_version_insert after insert on ${t} referencing new table as new_rows for each statement execute function bump_person_workspace_data_version()`.execute(db);
    await sql`create trigger data_version_update after update on ${t} referencing new table as new_rows for each statement execute function bump_person_workspace_data_version()`.execute(db);
    await sql`create trigger data_version_delete after delete on ${t} referencing old table as old_rows for each statement execute function bump_person_workspace_data_version()`.execute(db);
  }
  for (const table of WORKSPACE_TABLES) {
    const t = sql.table(table);
    await sql`create trigger data_version_insert after insert on ${t} referencing new table as new_rows for each statement execute function bump_workspace_data_version()`.execute(db);
    await sql`create trigger data_version_update after update on ${t} referencing new table as new_rows for each statement execute function bump_workspace_data_version()`.execute(db);
    await sql`create trigger data_version_delete after delete on ${t} referencing old table as old_rows for each statement execute function bump_workspace_data_version()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of [...WORKSPACE_TABLES, ...PERSON_TABLES]) {
    for (const event of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.raw(`data_version_${event}`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function bump_person_workspace_data_version()`.execute(db);
  await sql`drop function bump_workspace_data_version()`.execute(db);
  await sql`drop table workspace_data_versions`.execute(db);
}
