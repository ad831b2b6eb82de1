import { PostgresAdapter, sql, type Kysely } from 'kysely';

/*
 * PostgreSQL's ANALYZE (autovacuum runs it on its own) copies sample values of each
 * column into pg_statistic: most common values and histogram bounds, so names, notes,
 * e-mail addresses and what was learned over coffee. Erasing a person or a workspace
 * rewrote the tables but left those copies in the catalog's files (the canary test
 * found one after an account was deleted). So the columns that can hold what a user
 * wrote, and the expression indexes over them, keep no sampled values: their
 * statistics target is 0. Ids, numbers, dates and flags keep theirs, which is what
 * the listing's plans lean on (row counts, workspace ids, next-contact dates).
 * A later migration adding such a column must do the same (storage/no-sampled-values
 * .test.ts holds the live schema to it). Sampled values collected before this ran are
 * removed where the role may (a superuser); otherwise the next ANALYZE of a column
 * with a target of 0 leaves them until autovacuum replaces them.
 * SQLite's equivalent (sqlite_stat4) is cleared at each erasure (storage/erasure.ts).
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await setTargets(db, 0);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await setTargets(db, -1);
}

async function setTargets(db: Kysely<any>, target: 0 | -1): Promise<void> {
  await sql`
    do $$
    declare r record;
    begin
      for r in
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and table_name not like 'kysely%'
          and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
          and column_name <> 'id' and column_name not like '%\\_id'
      loop
        execute format('alter table %I alter column %I set statistics %s', r.table_name, r.column_name, ${sql.lit(target)});
      end loop;
      for r in
        select c.relname as index_name, a.attnum from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0
        where n.nspname = current_schema() and i.indexprs is not null and i.indkey[a.attnum - 1] = 0
      loop
        execute format('alter index %I alter column %s set statistics %s', r.index_name, r.attnum, ${sql.lit(target)});
      end loop;
      if ${sql.lit(target)} = 0 and (select rolsuper from pg_roles where rolname = current_user) then
        delete from pg_statistic s using pg_class c, pg_namespace n, pg_attribute a
        where c.oid = s.starelid and n.oid = c.relnamespace and n.nspname = current_schema()
          and a.attrelid = s.starelid and a.attnum = s.staattnum and a.attstattarget = 0;
      end if;
    end $$`.execute(db);
}
