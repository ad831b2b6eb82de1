import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { createSqliteDialect, NEW_DATABASE_PAGE_BYTES } from './sqlite.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-page-size-'));
  dirs.push(dir);
  return dir;
}

/** The page size the file says it has, read by a connection of its own. */
function pageSizeInHeader(file: string): number {
  const probe = new SqliteDatabase(file, { readonly: true });
  try {
    return Number(probe.pragma('page_size', { simple: true }));
  } finally {
    probe.close();
  }
}

it('a new database is made with 16 KB pages', async () => {
  const file = join(folder(), 'waggle.db');
  const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: createSqliteDialect(file) });
  await sql`create table t (id integer primary key, body text)`.execute(db);
  await sql`insert into t (body) values ('first')`.execute(db);
  await db.destroy();
  expect(NEW_DATABASE_PAGE_BYTES).toBe(16384);
  expect(pageSizeInHeader(file)).toBe(16384);
});

it('a database made before, at 4 KB pages, keeps them, with everything it held, and takes new writes', async () => {
  const file = join(folder(), 'waggle.db');
  const before = new SqliteDatabase(file);
  before.pragma('journal_mode = WAL');
  before.exec("create table t (id integer primary key, body text); insert into t (body) values ('kept')");
  before.close();
  expect(pageSizeInHeader(file)).toBe(4096);

  const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: createSqliteDialect(file) });
  await sql`insert into t (body) values ('added')`.execute(db);
  const rows = (await sql<{ body: string }>`select body from t order by id`.execute(db)).rows;
  await db.destroy();
  expect(rows.map((r) => r.body)).toEqual(['kept', 'added']);
  expect(pageSizeInHeader(file)).toBe(4096);
  const check = new SqliteDatabase(file, { readonly: true });
  expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();
});
